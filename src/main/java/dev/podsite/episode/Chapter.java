package dev.podsite.episode;

import org.jspecify.annotations.Nullable;

/**
 * A chapter of an episode, from its {@code podcast:chapters} file or the Podlove Simple
 * Chapters of its item.
 *
 * @param start when it starts, in seconds from the beginning
 * @param end when it ends, if the source says
 * @param url a page the chapter is about
 * @param imageUrl its artwork
 * @param toc whether it belongs in the table of contents (the Podcasting 2.0 spec's
 * {@code toc}: false for markers such as ads)
 */
public record Chapter(double start, @Nullable Double end, String title, @Nullable String url, @Nullable String imageUrl,
		boolean toc) {

	/** The start as a listener reads it, e.g. 1:02:05. */
	public String startText() {
		return Durations.format((int) this.start);
	}

	/** The start for a {@code <time datetime>}, e.g. PT1H2M5S. */
	public @Nullable String isoStart() {
		return Durations.iso((int) this.start);
	}

	/** The start as a time link's {@code t} writes it: whole seconds. */
	public long startSeconds() {
		return (long) this.start;
	}

}
