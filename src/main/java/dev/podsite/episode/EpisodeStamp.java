package dev.podsite.episode;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A published episode as the sitemap needs it: its slug, when its page last changed, and
 * the season and kind whose lists show it.
 */
record EpisodeStamp(String slug, Instant modified, @Nullable Integer season, @Nullable EpisodeType type) {

	/** An episode's page changes with the episode, and appears on its date. */
	EpisodeStamp(String slug, Instant publishedAt, Instant updatedAt, @Nullable Integer season,
			@Nullable EpisodeType type) {
		this(slug, PageStamp.latest(publishedAt, updatedAt), season, type);
	}

}
