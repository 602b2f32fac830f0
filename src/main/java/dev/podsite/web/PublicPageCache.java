package dev.podsite.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Response;

import dev.podsite.episode.EpisodeCatalog;
import dev.podsite.support.ConditionalRequests;
import dev.podsite.support.ContentCoding;
import dev.podsite.support.EncodedBody;
import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.UntilChanged;
import dev.podsite.support.UntilChanged.Expiring;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public pages as listeners get them, kept in memory until the show's data changes
 * (on any instance) or a scheduled episode's time comes, like the feed: a page is
 * rendered once per change, not once per visit. Each carries a strong ETag, so a
 * revalidation answers 304. Visitors without a session get kept pages; the signed-in host
 * gets them with the host's links put in (HostKeptPages), never stored.
 * <p>
 * A page is kept under its one address (PageAddresses): any other spelling of it is
 * redirected there, so a flood of made-up query strings costs neither renders nor memory.
 * The kept pages hold at most {@code podsite.page-cache.max-bytes} together. A page is
 * kept once per interface language it was asked in: its body, and so its ETag, differ.
 */
class PublicPageCache extends OncePerRequestFilter {

	/** Each interface language's part of a kept page's key. */
	private static final Map<Locale, String> TAGS = new ConcurrentHashMap<>();

	/**
	 * The pages kept: the show page, the episode list, every episode's page, the people
	 * and every person's page, searches and the links (the least recently asked out
	 * first, so made-up searches cost a render each and push out only each other's
	 * pages).
	 */
	static final String[] PUBLIC_PAGES = { "/", "/episodes", "/episodes/*", "/people", "/people/*", "/search",
			"/links" };

	// A day: caches absorb made-up addresses, and a parameter a later version reads is
	// not dropped for long by a redirect a browser kept.
	private static final String REDIRECT_CACHE_CONTROL = "max-age=86400";

	private final EpisodeCatalog episodes;

	private final Clock clock;

	private final long maxBytes;

	private final UntilChanged<Pages> pages;

	private final InterfaceLanguage language;

	// podsite.page.cache.lookups{result=hit|miss}: made once, counted with an increment.
	private final Counter hits;

	private final Counter misses;

	PublicPageCache(EpisodeCatalog episodes, Clock clock, PageCacheProperties properties, InterfaceLanguage language,
			MeterRegistry metrics) {
		this.hits = lookups(metrics, "hit");
		this.misses = lookups(metrics, "miss");
		this.episodes = episodes;
		this.language = language;
		this.clock = clock;
		this.maxBytes = properties.maxBytes().toBytes();
		this.pages = new UntilChanged<>(clock);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forget(SiteContentChanged change) {
		this.pages.invalidate();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !readsAPage(request);
	}

	/** Whether the request reads a page (GET, HEAD): nothing else is kept or answered. */
	static boolean readsAPage(HttpServletRequest request) {
		String method = request.getMethod();
		return method.equals("GET") || method.equals("HEAD");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = PageAddresses.of(request);
		if (address != null && !address.equals(PageAddresses.requested(request))) {
			redirect(response, address);
			return;
		}
		if (address == null || hasSession(request)) {
			chain.doFilter(request, response);
			return;
		}
		// The generation of before the rendering: a page rendered across a change goes
		// into the old one, which is dropped.
		Pages current = this.pages.get(this::newGeneration);
		Locale language = this.language.resolveLocale(request);
		String key = key(language, address);
		Page page = current.get(key);
		boolean rendered = page == null;
		if (rendered) {
			this.misses.increment();
			ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, rendering);
			if (!request.getMethod().equals("GET") || !keepable(rendering)
					|| !current.fits(key, rendering.getContentSize())) {
				rendering.copyBodyToResponse();
				return;
			}
			page = Page.of(rendering, language);
			current.put(key, page);
			rendering.resetBuffer();
		}
		else {
			this.hits.increment();
		}
		send(page, rendered, request, response);
	}

	/**
	 * Answers a visitor without a session from the kept pages, when the page asked for by
	 * its one address is kept: true when it did. Called before the servlet pipeline
	 * (KeptPageValve), where a kept page's answer costs least.
	 */
	boolean answerKept(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Page page = (readsAPage(request) && !hasSession(request)) ? kept(request) : null;
		if (page == null) {
			return false;
		}
		this.hits.increment();
		send(page, false, request, response);
		return true;
	}

	/**
	 * Answers the signed-in host from the kept page anonymous visitors get, with the
	 * host's links (in the page's language) put in at the end of its site nav: true when
	 * it did. The page's own headers go with it (its type, language, Vary), not those of
	 * a page for everyone (no-cache, the ETag): the security filters, which this is
	 * called after, add theirs, no-store for a private page, as to a rendered one; Tomcat
	 * compresses it as a rendered one.
	 */
	boolean answerForHost(HttpServletRequest request, HttpServletResponse response, Function<Locale, String> hostLinks)
			throws IOException {
		Page page = kept(request);
		if (page == null || page.hostLinksAt() < 0) {
			return false;
		}
		Locale language = this.language.resolveLocale(request);
		page.writeOwnHeaders(response, language);
		byte[] body = page.body().bytes(ContentCoding.IDENTITY);
		ServletOutputStream out = response.getOutputStream();
		out.write(body, 0, page.hostLinksAt());
		out.write(hostLinks.apply(language).getBytes(StandardCharsets.UTF_8));
		out.write(body, page.hostLinksAt(), body.length - page.hostLinksAt());
		// Sent as a rendered page is, whose view flushes it: chunked, not with a length.
		out.flush();
		return true;
	}

	/** The kept page the request asks for by its one address, in its language, if any. */
	private @Nullable Page kept(HttpServletRequest request) {
		String address = PageAddresses.of(request);
		if (address == null || !address.equals(PageAddresses.requested(request))) {
			return null;
		}
		return this.pages.get(this::newGeneration).get(key(this.language.resolveLocale(request), address));
	}

	private static String key(Locale language, String address) {
		// Locale makes its tag anew at each call.
		return TAGS.computeIfAbsent(language, (locale) -> locale.toLanguageTag() + " ") + address;
	}

	/**
	 * The kept page in the coding the client takes, or 304 when it has it. With a 304 go
	 * only the headers a cache updates its copy with (RFC 9111, 4.3.4): the security
	 * headers it stored with the page stay as they were, and a 304 is half the bytes.
	 * @param rendered whether the page was rendered for this request, its headers set
	 */
	private static void send(Page page, boolean rendered, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ContentCoding coding = page.body().codingFor(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		Page.Coded coded = page.coded(coding);
		boolean notModified = ConditionalRequests.notModified(request, coded.etag(), -1);
		if (!rendered) {
			Header.addAll(response, notModified ? page.revalidated() : page.headers());
		}
		Header.addAll(response, notModified ? coded.revalidated() : coded.headers());
		if (notModified) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		if (!rendered) {
			response.setStatus(HttpServletResponse.SC_OK);
		}
		byte[] body = page.body().bytes(coding);
		response.setContentLength(body.length);
		if (request.getMethod().equals("GET")) {
			response.getOutputStream().write(body);
		}
	}

	/** How many pages are kept now. */
	int keptPages() {
		return this.pages.get(this::newGeneration).size();
	}

	/** How many bytes the kept pages take now, as the bound counts them. */
	long keptBytes() {
		return this.pages.get(this::newGeneration).bytes();
	}

	private static Counter lookups(MeterRegistry metrics, String result) {
		return Counter.builder("podsite.page.cache.lookups")
			.description("Public pages asked for by visitors without a session, kept (hit) or rendered (miss)")
			.tag("result", result)
			.register(metrics);
	}

	private Expiring<Pages> newGeneration() {
		return new Expiring<>(new Pages(this.maxBytes),
				this.episodes.nextPublicationAfter(this.clock.instant()).orElse(null));
	}

	/**
	 * Permanent, but kept by caches a day only: a later version may read a parameter this
	 * one drops.
	 */
	private static void redirect(HttpServletResponse response, String address) {
		response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
		response.setHeader(HttpHeaders.LOCATION, address);
		response.setHeader(HttpHeaders.CACHE_CONTROL, REDIRECT_CACHE_CONTROL);
		response.setContentLength(0);
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

	/**
	 * One generation of kept pages, at most {@code maxBytes} together, least recently
	 * asked first out. Read without a lock: a kept page is the path asked most.
	 */
	private static final class Pages {

		private final long maxBytes;

		private final ConcurrentHashMap<String, Kept> pages = new ConcurrentHashMap<>();

		// Orders the pages by when they were last asked for.
		private final AtomicLong asked = new AtomicLong();

		private long bytes;

		Pages(long maxBytes) {
			this.maxBytes = maxBytes;
		}

		@Nullable Page get(String address) {
			Kept kept = this.pages.get(address);
			if (kept == null) {
				return null;
			}
			kept.asked = this.asked.incrementAndGet();
			return kept.page;
		}

		/**
		 * Whether a page of that size could be kept at all: a page larger than the bound
		 * is served as rendered, without compressing it.
		 */
		boolean fits(String address, long bodySize) {
			return Page.chars(address) + Page.OVERHEAD + bodySize <= this.maxBytes;
		}

		synchronized void put(String address, Page page) {
			long size = size(address, page);
			if (size > this.maxBytes) {
				return;
			}
			Kept replaced = this.pages.put(address, new Kept(page, this.asked.incrementAndGet()));
			if (replaced != null) {
				this.bytes -= size(address, replaced.page);
			}
			this.bytes += size;
			if (this.bytes > this.maxBytes) {
				List<Map.Entry<String, Kept>> byAge = new ArrayList<>(this.pages.entrySet());
				byAge.sort(Comparator.comparingLong((entry) -> entry.getValue().asked));
				Iterator<Map.Entry<String, Kept>> eldest = byAge.iterator();
				while (this.bytes > this.maxBytes) {
					Map.Entry<String, Kept> evicted = eldest.next();
					this.bytes -= size(evicted.getKey(), evicted.getValue().page);
					this.pages.remove(evicted.getKey());
				}
			}
		}

		int size() {
			return this.pages.size();
		}

		synchronized long bytes() {
			return this.bytes;
		}

		private static long size(String address, Page page) {
			return Page.chars(address) + page.bytes();
		}

	}

	/** A kept page and when it was last asked for. */
	private static final class Kept {

		private final Page page;

		private volatile long asked;

		Kept(Page page, long asked) {
			this.page = page;
			this.asked = asked;
		}

	}

	/**
	 * A rendered page: its headers (the security headers, Cache-Control, Content-Type),
	 * its bytes in each coding, and where the host's links go into them (-1: nowhere);
	 * every header of its answers made once.
	 *
	 * @param revalidated the headers a 304 carries
	 * @param codings the headers of each coding, by {@link ContentCoding#ordinal()}
	 */
	private record Page(List<Header> headers, List<Header> revalidated, EncodedBody body, List<Coded> codings,
			int hostLinksAt) {

		// Objects, references and the map's entry, roughly: what a page costs beside its
		// bytes and characters.
		private static final int OVERHEAD = 1024;

		// What a 304 carries of the page's headers (RFC 9110, 15.4.5).
		private static final Set<String> REVALIDATED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

		static {
			REVALIDATED.addAll(List.of(HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY, HttpHeaders.EXPIRES,
					HttpHeaders.CONTENT_LOCATION));
		}

		private static final Header VARY = Header.of(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);

		// The layout's site nav, whose end is where the host's links go: the first
		// header's, before any of the page's own words (those in the head are escaped).
		private static final String SITE_HEADER = "<header class=\"site-header\">";

		/**
		 * The rendered page, its interface language as its Content-Language (which Tomcat
		 * keeps beside the headers, from the locale the page was rendered in).
		 */
		static Page of(ContentCachingResponseWrapper rendering, Locale language) {
			List<Header> headers = new ArrayList<>();
			for (String name : rendering.getHeaderNames()) {
				if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !name.equalsIgnoreCase(HttpHeaders.DATE)
						&& !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
					for (String value : rendering.getHeaders(name)) {
						headers.add(Header.of(name, value));
					}
				}
			}
			if (rendering.getContentType() != null) {
				headers.add(Header.of(HttpHeaders.CONTENT_TYPE, rendering.getContentType()));
			}
			if (!rendering.containsHeader(HttpHeaders.CONTENT_LANGUAGE)) {
				headers.add(Header.of(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag()));
			}
			byte[] bytes = rendering.getContentAsByteArray();
			EncodedBody body = EncodedBody.of(bytes);
			List<Coded> codings = new ArrayList<>();
			for (ContentCoding coding : ContentCoding.values()) {
				codings.add(Coded.of(body, coding));
			}
			return new Page(List.copyOf(headers),
					headers.stream().filter((header) -> REVALIDATED.contains(header.name())).toList(), body,
					List.copyOf(codings), hostLinksAt(bytes));
		}

		/** The offset of the site nav's end, found once, when the page is kept. */
		private static int hostLinksAt(byte[] body) {
			// A character per byte: the offsets are the bytes'.
			String page = new String(body, StandardCharsets.ISO_8859_1);
			int header = page.indexOf(SITE_HEADER);
			int headerEnd = (header < 0) ? -1 : page.indexOf("</header>", header);
			int navEnd = (header < 0) ? -1 : page.indexOf("</nav>", header);
			return (navEnd >= 0 && navEnd < headerEnd) ? navEnd : -1;
		}

		/**
		 * The headers the page has of its own, whoever it is for: its type, its language
		 * (as Tomcat writes it, from the locale), what it varies by.
		 */
		void writeOwnHeaders(HttpServletResponse response, Locale language) {
			for (Header header : this.headers) {
				if (header.name().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
						|| header.name().equalsIgnoreCase(HttpHeaders.VARY)) {
					response.addHeader(header.name(), header.value());
				}
			}
			response.setLocale(language);
		}

		Coded coded(ContentCoding coding) {
			return this.codings.get(coding.ordinal());
		}

		/** What the page takes in memory, roughly but never less than its bodies. */
		long bytes() {
			long bytes = OVERHEAD + this.body.length() + chars(this.body.hash());
			for (Header header : this.headers) {
				bytes += chars(header.name()) + chars(header.value()) + header.nameBytes().length
						+ header.valueBytes().length;
			}
			return bytes;
		}

		/** A string's characters, two bytes each at most. */
		static long chars(String text) {
			return 2L * text.length();
		}

		/**
		 * The headers of the page's answers in one coding: its ETag, Vary and, but in a
		 * 304, its Content-Encoding.
		 */
		record Coded(String etag, List<Header> headers, List<Header> revalidated) {

			static Coded of(EncodedBody body, ContentCoding coding) {
				String etag = body.etag(coding);
				List<Header> revalidated = List.of(Header.of(HttpHeaders.ETAG, etag), VARY);
				List<Header> headers = new ArrayList<>(revalidated);
				if (coding.token() != null) {
					headers.add(Header.of(HttpHeaders.CONTENT_ENCODING, coding.token()));
				}
				return new Coded(etag, List.copyOf(headers), revalidated);
			}

		}

	}

	/**
	 * A kept page's header, also as the bytes Tomcat writes: given a string, Tomcat
	 * encodes it with an encoder of its own each time, which was half of what a kept
	 * page's answer allocated (bench/README.md).
	 */
	private record Header(String name, String value, byte[] nameBytes, byte[] valueBytes) {

		static Header of(String name, String value) {
			return new Header(name, value, name.getBytes(StandardCharsets.ISO_8859_1),
					value.getBytes(StandardCharsets.ISO_8859_1));
		}

		/**
		 * Into Tomcat's response as bytes, answered before the servlets (KeptPageValve);
		 * through the servlet API otherwise.
		 */
		void addTo(HttpServletResponse response) {
			if (response instanceof Response tomcat) {
				tomcat.getCoyoteResponse()
					.getMimeHeaders()
					.addValue(this.nameBytes, 0, this.nameBytes.length)
					.setBytes(this.valueBytes, 0, this.valueBytes.length);
			}
			else {
				response.addHeader(this.name, this.value);
			}
		}

		static void addAll(HttpServletResponse response, List<Header> headers) {
			for (int i = 0; i < headers.size(); i++) {
				headers.get(i).addTo(response);
			}
		}

	}

}
