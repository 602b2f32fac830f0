package dev.podsite.episode;

import java.time.Instant;

/**
 * A public page of an episode or a person, by its slug, and when what it shows last
 * changed: for the sitemap.
 */
public record PageStamp(String slug, Instant lastModified) {

	/** An episode's page changes with the episode, and appears on its date. */
	static PageStamp ofEpisode(String slug, Instant publishedAt, Instant updatedAt) {
		return new PageStamp(slug, publishedAt.isAfter(updatedAt) ? publishedAt : updatedAt);
	}

}
