package dev.podsite.feedpublish;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.podsite.support.DocumentFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	private final transient Supplier<Optional<URI>> movedTo;

	private final transient FeedRequests requests;

	/**
	 * @param feed the feed as it is now, empty while the site has no show yet
	 * @param movedTo where the feed moved, once the host's announced move took effect
	 * @param requests counts what the feed's requests were answered
	 */
	FeedFilter(Supplier<Optional<RenderedFeed>> feed, Supplier<Optional<URI>> movedTo, FeedRequests requests) {
		super(CONTENT_TYPE, CACHE_CONTROL, feed);
		this.movedTo = movedTo;
		this.requests = requests;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		super.doFilter(request, response, chain);
		this.requests.answered(((HttpServletResponse) response).getStatus());
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Optional<URI> moved = this.movedTo.get();
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (moved.isEmpty() || !read) {
			super.doFilter(request, response, chain);
			return;
		}
		// For good: apps that follow a 301 update the feed's address they keep.
		response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
		response.setHeader("Location", moved.get().toString());
		response.setHeader("Cache-Control", CACHE_CONTROL);
	}

}
