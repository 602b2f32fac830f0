package dev.podsite.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.PeopleEditor;
import dev.podsite.episode.Person;
import dev.podsite.support.Database;
import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public pages are rendered once per change of the show's data and kept in between, each
 * under its one address; the host's requests are always rendered; a scheduled episode
 * appears at its time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(PublicPageCacheTests.FilteredRequests.class)
class PublicPageCacheTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PublicPageCache cache;

	@Autowired
	private PageCacheProperties properties;

	@Autowired
	private FilteredRequests filtered;

	private SiteHttp site;

	private SiteData data;

	@BeforeEach
	void aShow() {
		Database.clear(this.jdbc);
		this.site = new SiteHttp(this.port);
		this.data = new SiteData(this.context);
		this.data.store(TestEpisodes.show("Show"), List.of(first()));
	}

	@Test
	void aPageIsRenderedOncePerChangeAndKeptInBetween() {
		String[] pages = { "/", "/episodes", "/episodes/first-title", "/people/ann-guest" };
		for (String path : pages) {
			assertThat(text(path)).as(path).contains("First title");
		}
		// Behind the site's back: the kept pages do not see it.
		this.jdbc.update("UPDATE episode SET title = 'Second title'");
		for (String path : pages) {
			assertThat(text(path)).as(path).contains("First title");
		}
		this.context.publishEvent(new SiteContentChanged.OnAnotherInstance(1));
		for (String path : pages) {
			assertThat(text(path)).as(path).contains("Second title").doesNotContain("First title");
		}
	}

	@Test
	void thePeoplesPagesAreKeptUntilPeopleChange() {
		assertThat(text("/people")).contains("Ann Guest");
		int kept = this.cache.keptPages();
		assertThat(text("/people")).contains("Ann Guest");
		assertThat(this.cache.keptPages()).isEqualTo(kept);
		long ann = this.jdbc.queryForObject("SELECT id FROM person WHERE slug = 'ann-guest'", Long.class);
		this.context.getBean(PeopleEditor.class).rename(ann, "Ann Renamed");
		assertThat(text("/people")).contains("Ann Renamed").doesNotContain("Ann Guest");
		assertThat(text("/people/ann-guest")).contains("Ann Renamed");
	}

	@Test
	void keptPagesCarryTheSameHeadersAndNoCookie() {
		HttpResponse<byte[]> rendered = this.site.get("/episodes");
		HttpResponse<byte[]> kept = this.site.get("/episodes");
		for (String header : new String[] { "Content-Type", "Content-Security-Policy", "X-Frame-Options",
				"X-Content-Type-Options", "Referrer-Policy", "Cache-Control", "ETag", "Content-Language" }) {
			assertThat(kept.headers().firstValue(header)).as(header)
				.isPresent()
				.isEqualTo(rendered.headers().firstValue(header));
		}
		assertThat(kept.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(kept.body()).isEqualTo(rendered.body());
	}

	@Test
	void aKeptPageIsAnsweredBeforeAnyServletFilter() {
		String etag = this.site.get("/episodes").headers().firstValue("ETag").orElseThrow();
		int rendered = this.filtered.requests("/episodes");
		assertThat(this.site.get("/episodes").statusCode()).isEqualTo(200);
		assertThat(this.site.get("/episodes", "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(this.site.get("/episodes", "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding"))
			.contains("gzip");
		assertThat(this.filtered.requests("/episodes")).as("kept answers that reached the servlet filters")
			.isEqualTo(rendered);
		this.site.get("/episodes", "Cookie", "SESSION=someone");
		this.site.get("/episodes?page=01");
		assertThat(this.filtered.requests("/episodes"))
			.as("a visitor with a session, and another spelling of the address, go through the filters")
			.isEqualTo(rendered + 2);
	}

	@Test
	void theFeedTheSitemapAndRobotsAreAnsweredBeforeAnyServletFilter() {
		for (String path : new String[] { "/feed.xml", "/sitemap.xml", "/robots.txt" }) {
			HttpResponse<byte[]> first = this.site.get(path);
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			String etag = first.headers().firstValue("ETag").orElseThrow();
			assertThat(this.site.get(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
			assertThat(this.filtered.requests(path)).as(path).isZero();
		}
		assertThat(this.site.get("/feed.xml", "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding"))
			.contains("gzip");
		assertThat(this.site.post("/feed.xml", Map.of()).statusCode()).as("what the feed does not answer goes on")
			.isEqualTo(403);
		assertThat(this.filtered.requests("/feed.xml")).isEqualTo(1);
	}

	@Test
	void aRevalidatedPageGetsTheHeadersACacheUpdatesItsCopyWith() {
		this.site.get("/episodes");
		HttpResponse<byte[]> page = this.site.get("/episodes");
		String etag = page.headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> revalidated = this.site.get("/episodes", "If-None-Match", etag);
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.headers().firstValue("ETag")).contains(etag);
		assertThat(revalidated.headers().firstValue("Cache-Control"))
			.isEqualTo(page.headers().firstValue("Cache-Control"));
		assertThat(revalidated.headers().allValues("Vary")).isEqualTo(page.headers().allValues("Vary"));
		assertThat(revalidated.headers().map()).doesNotContainKeys("content-security-policy", "x-frame-options",
				"content-language");
	}

	@Test
	void aVisitorWithASessionGetsAPageOfTheirOwn() {
		assertThat(text("/episodes")).contains("First title");
		this.jdbc.update("UPDATE episode SET title = 'Second title'");
		HttpResponse<byte[]> withSession = this.site.get("/episodes", "Cookie", "SESSION=someone");
		assertThat(new String(withSession.body(), StandardCharsets.UTF_8)).contains("Second title");
		assertThat(text("/episodes")).as("anonymous visitors still get the kept page").contains("First title");
	}

	@Test
	void aScheduledEpisodeAppearsAtItsTime() throws Exception {
		Instant soon = Instant.now().plusSeconds(2);
		this.data.store(TestEpisodes.show("Show"), List.of(first(),
				TestEpisodes.episode("2", "Coming soon", soon.truncatedTo(ChronoUnit.MILLIS)).build()));
		assertThat(text("/episodes")).doesNotContain("Coming soon");
		Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 1100);
		assertThat(text("/episodes")).contains("Coming soon");
	}

	/**
	 * A flood of addresses that are not a page's own (each query string a new one) keeps
	 * nothing: no page more, no byte more. The pages' own addresses are still kept.
	 */
	@Test
	void queryStringsKeepNoPagesBesideThePagesOwn() throws Exception {
		String[] pages = { "/", "/episodes", "/episodes/first-title" };
		for (String path : pages) {
			this.site.body(path);
		}
		int keptPages = this.cache.keptPages();
		long keptBytes = this.cache.keptBytes();
		assertThat(keptPages).isEqualTo(pages.length);
		assertThat(keptBytes).isPositive();

		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 20_000; i++) {
				String path = pages[i % pages.length] + "?x=" + i;
				answers.add(clients.submit(() -> this.site.get(path).statusCode()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isNotEqualTo(500);
			}
		}
		finally {
			clients.shutdown();
		}
		assertThat(this.cache.keptPages()).isEqualTo(keptPages);
		assertThat(this.cache.keptBytes()).isEqualTo(keptBytes)
			.isLessThanOrEqualTo(this.properties.maxBytes().toBytes());

		// Still kept (behind the site's back, the kept pages do not see a change), and
		// revalidated with a 304.
		this.jdbc.update("UPDATE episode SET title = 'Second title'");
		for (String path : pages) {
			HttpResponse<byte[]> page = this.site.get(path);
			assertThat(new String(page.body(), StandardCharsets.UTF_8)).as(path).contains("First title");
			HttpResponse<byte[]> again = this.site.get(path, "If-None-Match",
					page.headers().firstValue("ETag").orElseThrow());
			assertThat(again.statusCode()).as(path).isEqualTo(304);
		}
	}

	/**
	 * A page has one address: parameters it does not read, and other spellings of those
	 * it does, lead there with a permanent redirect, which caches may keep a day (a later
	 * version may read more parameters).
	 */
	@Test
	void otherAddressesOfAPageRedirectToItsOwn() {
		Map<String, String> redirects = new LinkedHashMap<>();
		redirects.put("/?utm_source=newsletter", "/");
		redirects.put("/episodes?page=1", "/episodes");
		redirects.put("/episodes?page=02", "/episodes?page=2");
		redirects.put("/episodes?page=2&fbclid=abc", "/episodes?page=2");
		redirects.put("/episodes?fbclid=abc&page=3", "/episodes?page=3");
		redirects.put("/episodes?pa%67e=2", "/episodes?page=2");
		redirects.put("/episodes/first-title?ref=mastodon", "/episodes/first-title");
		redirects.put("/episodes/%66irst-title", "/episodes/first-title");
		redirects.put("/episodes;jsessionid=abc", "/episodes");
		redirects.put("/episodes//first-title", "/episodes/first-title");
		redirects.put("/people?page=2", "/people");
		redirects.put("/people?utm_source=x", "/people");
		redirects.put("/people/ann-guest?page=01", "/people/ann-guest");
		redirects.put("/people/ann-guest?page=002&ref=x", "/people/ann-guest?page=2");
		redirects.put("/people/%61nn-guest", "/people/ann-guest");
		redirects.forEach((from, to) -> {
			HttpResponse<byte[]> response = this.site.get(from);
			assertThat(response.statusCode()).as(from).isEqualTo(301);
			assertThat(response.headers().firstValue("Location")).as(from).hasValue(to);
			assertThat(response.headers().firstValue("Cache-Control")).as(from).hasValue("max-age=86400");
			assertThat(response.body()).as(from).isEmpty();
		});
		int keptPages = this.cache.keptPages();
		assertThat(this.site.get("/episodes?page=2").statusCode()).as("a page's own address, past the last page")
			.isEqualTo(404);
		assertThat(this.site.get("/episodes?page=x").statusCode()).as("no page number").isEqualTo(404);
		assertThat(this.cache.keptPages()).isEqualTo(keptPages);
	}

	private static ImportedEpisode first() {
		return TestEpisodes.episode("1", "First title", Instant.parse("2024-01-01T10:00:00Z"))
			.person(new Person("Ann Guest", "guest", null, null, null))
			.build();
	}

	private String text(String path) {
		return new String(this.site.body(path), StandardCharsets.UTF_8);
	}

	/** Counts the requests that reach the servlet filters, first of them all. */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class FilteredRequests extends HttpFilter {

		private final Map<String, AtomicInteger> paths = new ConcurrentHashMap<>();

		@Override
		protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			this.paths.computeIfAbsent(request.getRequestURI(), (path) -> new AtomicInteger()).incrementAndGet();
			chain.doFilter(request, response);
		}

		int requests(String path) {
			AtomicInteger count = this.paths.get(path);
			return (count != null) ? count.get() : 0;
		}

	}

}
