package dev.podsite.feedpublish;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code /feed.xml} for podcast apps that poll it all day: from memory, gzipped when
 * asked, and a bodiless 304 when the poller already has it. A servlet filter placed
 * before sessions and security rather than a controller: a poll is the site's most
 * frequent request, and the feed needs none of the session, security and MVC machinery
 * the pages go through, so a 304 costs about what a static file from nginx costs
 * (bench/README.md). The feed is public and sets no cookie; its only security header is
 * nosniff.
 */
class FeedFilter extends HttpFilter {

	static final String CONTENT_TYPE = "application/rss+xml;charset=utf-8";

	// Short enough for a new episode to reach apps soon, long enough for a CDN to absorb
	// polling.
	private static final String CACHE_CONTROL = CacheControl.maxAge(Duration.ofMinutes(5))
		.cachePublic()
		.staleWhileRevalidate(Duration.ofMinutes(1))
		.getHeaderValue();

	private final transient Supplier<Optional<RenderedFeed>> feed;

	/**
	 * @param feed the feed as it is now, empty while the site has no show yet
	 */
	FeedFilter(Supplier<Optional<RenderedFeed>> feed) {
		this.feed = feed;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		boolean head = "HEAD".equals(request.getMethod());
		if (!head && !"GET".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("X-Content-Type-Options", "nosniff");
		Optional<RenderedFeed> current = this.feed.get();
		if (current.isEmpty()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
					"The feed is not ready: nothing has been imported yet");
			return;
		}
		RenderedFeed rendered = current.get();
		boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		response.setHeader(HttpHeaders.ETAG, gzip ? rendered.gzipEtag() : rendered.etag());
		response.setHeader(HttpHeaders.LAST_MODIFIED, rendered.lastModifiedHeader());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		// If-None-Match first, then If-Modified-Since (RFC 9110); tags compare weakly.
		if (new ServletWebRequest(request, response).checkNotModified(gzip ? rendered.gzipEtag() : rendered.etag(),
				rendered.lastModified().toEpochMilli())) {
			return;
		}
		byte[] body = gzip ? rendered.gzipped() : rendered.xml();
		response.setContentType(CONTENT_TYPE);
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.strip().toLowerCase().split(";");
			if (parts[0].strip().equals("gzip")) {
				return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
			}
		}
		return false;
	}

}
