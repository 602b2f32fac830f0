package dev.podsite.feedpublish;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.podsite.support.DocumentFilter;

import org.springframework.http.CacheControl;

/**
 * {@code /feed.xml} for podcast apps that poll it all day: from memory, gzipped when
 * asked, and a bodiless 304 when the poller already has it (see DocumentFilter, which
 * serves the sitemap the same way).
 */
class FeedFilter extends DocumentFilter {

	static final String CONTENT_TYPE = "application/rss+xml;charset=utf-8";

	// Short enough for a new episode to reach apps soon, long enough for a CDN to absorb
	// polling.
	private static final String CACHE_CONTROL = CacheControl.maxAge(Duration.ofMinutes(5))
		.cachePublic()
		.staleWhileRevalidate(Duration.ofMinutes(1))
		.getHeaderValue();

	/**
	 * @param feed the feed as it is now, empty while the site has no show yet
	 */
	FeedFilter(Supplier<Optional<RenderedFeed>> feed) {
		super(CONTENT_TYPE, CACHE_CONTROL, feed);
	}

}
