package dev.podsite.episode;

import java.time.Instant;

/**
 * A public page, by its one address within the site (e.g.
 * {@code /episodes?season=2&page=2}), and when what it shows last changed: for the
 * sitemap.
 */
public record PageStamp(String path, Instant lastModified) {

	static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
