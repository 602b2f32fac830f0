package dev.podsite.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * What a list shows of an episode; read without its notes.
 */
public record EpisodeSummary(String slug, String title, Instant publishedAt, @Nullable Integer durationSeconds,
		String summary, @Nullable Integer season, @Nullable Integer episodeNumber, @Nullable String audioUrl) {

	public LocalDate publishedOn() {
		return LocalDate.ofInstant(this.publishedAt, ZoneOffset.UTC);
	}

	public @Nullable String duration() {
		return Durations.format(this.durationSeconds);
	}

	public @Nullable String isoDuration() {
		return Durations.iso(this.durationSeconds);
	}

}
