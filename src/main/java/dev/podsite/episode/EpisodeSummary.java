package dev.podsite.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a list shows of an episode; read without its notes.
 */
public record EpisodeSummary(String slug, String title, Instant publishedAt, Integer durationSeconds, String summary,
		Integer season, Integer episodeNumber, String audioUrl) {

	public LocalDate publishedOn() {
		return LocalDate.ofInstant(this.publishedAt, ZoneOffset.UTC);
	}

	public String duration() {
		return Durations.format(this.durationSeconds);
	}

	public String isoDuration() {
		return Durations.iso(this.durationSeconds);
	}

}
