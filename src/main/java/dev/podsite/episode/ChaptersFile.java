package dev.podsite.episode;

import org.jspecify.annotations.Nullable;

/**
 * The chapters file an episode points to ({@code podcast:chapters}).
 *
 * @param type its media type as the feed or the host gives it, e.g.
 * {@code application/json+chapters}
 */
public record ChaptersFile(String url, @Nullable String type) {

	/** The type of the Podcasting 2.0 JSON chapters the site reads and serves. */
	public static final String JSON_CHAPTERS = "application/json+chapters";

}
