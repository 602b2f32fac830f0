package dev.podsite.web;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.podsite.episode.EpisodeCatalog;
import dev.podsite.support.Hashes;
import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.UntilChanged;
import dev.podsite.support.UntilChanged.Expiring;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public pages as listeners get them, kept in memory until the show's data changes
 * (on any instance) or a scheduled episode's time comes, like the feed: a page is
 * rendered once per change, not once per visit. Each carries a strong ETag, so a
 * revalidation answers 304. Only visitors without a session get kept pages; the host's
 * pages (with a sign-out form) are rendered for the host alone.
 */
class PublicPageCache extends OncePerRequestFilter {

	/** The pages kept: the show page, the episode list and every episode's page. */
	static final String[] PUBLIC_PAGES = { "/", "/episodes", "/episodes/*" };

	/** Enough for the show page and every list and episode page of a large show. */
	static final int MAX_PAGES = 5000;

	private final EpisodeCatalog episodes;

	private final Clock clock;

	private final UntilChanged<Pages> pages;

	PublicPageCache(EpisodeCatalog episodes, Clock clock) {
		this.episodes = episodes;
		this.clock = clock;
		this.pages = new UntilChanged<>(clock);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forget(SiteContentChanged change) {
		this.pages.invalidate();
	}

	/** Not for the host. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !(method.equals("GET") || method.equals("HEAD")) || hasSession(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The generation of before the rendering: a page rendered across a change goes
		// into the old one, which is dropped.
		Pages current = this.pages.get(this::newGeneration);
		String key = (request.getQueryString() != null) ? request.getRequestURI() + "?" + request.getQueryString()
				: request.getRequestURI();
		Page page = current.get(key);
		if (page == null) {
			ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, rendering);
			if (!request.getMethod().equals("GET") || !keepable(rendering)) {
				rendering.copyBodyToResponse();
				return;
			}
			page = Page.of(rendering);
			current.put(key, page);
			rendering.resetBuffer();
		}
		else {
			page.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
			response.setStatus(HttpServletResponse.SC_OK);
		}
		response.setHeader(HttpHeaders.ETAG, page.etag());
		if (new ServletWebRequest(request, response).checkNotModified(page.etag())) {
			return;
		}
		response.setContentLength(page.body().length);
		if (request.getMethod().equals("GET")) {
			response.getOutputStream().write(page.body());
		}
	}

	private Expiring<Pages> newGeneration() {
		return new Expiring<>(new Pages(), this.episodes.nextPublicationAfter(this.clock.instant()).orElse(null));
	}

	/** A successful page for everyone: no cookie set for this visitor alone. */
	private static boolean keepable(ContentCachingResponseWrapper rendering) {
		String type = rendering.getContentType();
		return rendering.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")
				&& !rendering.containsHeader(HttpHeaders.SET_COOKIE);
	}

	private static boolean hasSession(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie cookie : cookies) {
			if (cookie.getName().equals("SESSION") || cookie.getName().equals("JSESSIONID")) {
				return true;
			}
		}
		return false;
	}

	/** One generation of kept pages, least recently used first out. */
	private static final class Pages {

		private final Map<String, Page> pages = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
				return size() > MAX_PAGES;
			}

		});

		@Nullable Page get(String key) {
			return this.pages.get(key);
		}

		void put(String key, Page page) {
			this.pages.put(key, page);
		}

	}

	/**
	 * A rendered page: its headers (the security headers, Cache-Control, Content-Type),
	 * its bytes and their ETag.
	 */
	private record Page(Map<String, List<String>> headers, byte[] body, String etag) {

		static Page of(ContentCachingResponseWrapper rendering) {
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (String name : rendering.getHeaderNames()) {
				if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !name.equalsIgnoreCase(HttpHeaders.DATE)) {
					headers.put(name, new ArrayList<>(rendering.getHeaders(name)));
				}
			}
			if (rendering.getContentType() != null) {
				headers.put(HttpHeaders.CONTENT_TYPE, List.of(rendering.getContentType()));
			}
			byte[] body = rendering.getContentAsByteArray();
			return new Page(headers, body, "\"" + Hashes.etag(body) + "\"");
		}

	}

}
