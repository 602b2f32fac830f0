package dev.podsite.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * An episode a search found: its title and a snippet of its notes, highlighted (HTML,
 * escaped but for {@code <mark>}), and the moments that match, when its chapters or its
 * transcript do.
 */
public record SearchHit(String slug, String titleHtml, Instant publishedAt, @Nullable String notesHtml,
		@Nullable Moment chapter, @Nullable Moment transcript) {

	public String href() {
		return "/episodes/" + this.slug;
	}

	/** The day it was published, as the episode list shows it. */
	public LocalDate publishedOn() {
		return LocalDate.ofInstant(this.publishedAt, ZoneOffset.UTC);
	}

	/** A moment of the episode and what is said or titled there, highlighted. */
	public record Moment(long seconds, String textHtml) {

		/** H:MM:SS or M:SS, as time links are written. */
		public String time() {
			long h = this.seconds / 3600;
			long m = this.seconds % 3600 / 60;
			long s = this.seconds % 60;
			return (h > 0) ? "%d:%02d:%02d".formatted(h, m, s) : "%d:%02d".formatted(m, s);
		}

	}

}
