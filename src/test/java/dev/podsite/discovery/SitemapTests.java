package dev.podsite.discovery;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.podsite.episode.EpisodeEdit;
import dev.podsite.episode.EpisodeEditor;
import dev.podsite.episode.EpisodeStatus;
import dev.podsite.episode.EpisodeType;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.Person;
import dev.podsite.support.Database;
import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /sitemap.xml} and {@code /robots.txt} over real HTTP: the sitemap lists exactly
 * the public pages, each under the one address it answers at, with when it last changed;
 * both are served from memory with validators, like the feed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SitemapTests {

	static final String SITE = "https://podcast.example";

	static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	// The feed, the stylesheet and scripts, the host's pages: links, but no pages to
	// list.
	private static final Pattern NOT_FOR_SEARCH = Pattern.compile("/feed\\.xml|/assets/.*|/admin.*|/login.*|/logout");

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EpisodeEditor editor;

	private SiteHttp http;

	@BeforeEach
	void emptySite() {
		this.http = new SiteHttp(this.port);
		Database.clear(this.jdbc);
	}

	@Test
	void listsEveryPublicPageAndNoDraftScheduledHiddenOrDeletedEpisode() throws Exception {
		Instant day = Instant.parse("2025-06-01T08:00:00Z");
		List<ImportedEpisode> episodes = new ArrayList<>(List.of(
				TestEpisodes.episode("one", "One", day)
					.audio("https://cdn.example/1.mp3", 60)
					.person(new Person("Ann Guest", "guest", null, null, null))
					.build(),
				TestEpisodes.episode("two", "Two", day.plus(Duration.ofDays(1))).build(),
				TestEpisodes.episode("deleted", "Deleted", day.plus(Duration.ofDays(2))).build(),
				TestEpisodes.episode("scheduled", "Scheduled", Instant.now().plus(Duration.ofDays(3)))
					.person(new Person("Future Guest", "guest", null, null, null))
					.build()));
		SiteData site = new SiteData(this.context);
		site.store(TestEpisodes.show("Show"), episodes);
		ImportedEpisode hidden = TestEpisodes.episode("hidden", "Hidden", day.plus(Duration.ofDays(3)))
			.person(new Person("Hidden Guest", "guest", null, null, null))
			.build();
		episodes.add(hidden);
		site.store(TestEpisodes.show("Show"), episodes);
		// The next import no longer lists it: hidden, as left the feed.
		episodes.remove(hidden);
		site.store(TestEpisodes.show("Show"), episodes);
		long showId = this.jdbc.queryForObject("SELECT id FROM show", Long.class);
		this.editor.create(showId, new EpisodeEdit("Draft", null, null, null, null, null, day, null, null, null, false,
				null, EpisodeStatus.DRAFT));
		this.editor.delete(this.jdbc.queryForObject("SELECT id FROM episode WHERE guid = 'deleted'", Long.class));

		HttpResponse<byte[]> response = this.http.get("/sitemap.xml");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml;charset=utf-8");
		Document sitemap = xml(response.body());
		assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
		assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(NAMESPACE);
		assertThat(locations(sitemap, "url")).containsExactlyInAnyOrder(SITE + "/", SITE + "/episodes",
				SITE + "/episodes/one", SITE + "/episodes/two", SITE + "/people", SITE + "/people/ann-guest",
				SITE + "/links");
		assertValid(sitemap, "url");
		// Each address is the page's one address: it answers there, not with a redirect.
		for (String location : locations(sitemap, "url")) {
			assertThat(this.http.get(location.substring(SITE.length())).statusCode()).as(location).isEqualTo(200);
		}
	}

	/**
	 * The sitemap and a crawl of the site agree: following every link from the home
	 * reaches exactly the pages it lists (an episode's page at a moment is the episode's
	 * page), and every link reached answers, none redirected or broken.
	 */
	@Test
	void listsExactlyThePagesAVisitorReachesByFollowingLinksFromTheHome() throws Exception {
		Instant first = Instant.parse("2024-01-01T08:00:00Z");
		Person guest = new Person("Ann Guest", "guest", null, null, null);
		List<ImportedEpisode> episodes = new ArrayList<>();
		for (int n = 1; n <= 45; n++) {
			TestEpisodes.Builder episode = TestEpisodes.episode("e" + n, "Episode " + n, first.plus(Duration.ofDays(n)))
				.audio("https://cdn.example/" + n + ".mp3", 3600)
				.notes("<p>At 12:30 we talk about lifetimes.</p>")
				.season((n <= 25) ? 1 : 2);
			if (n % 2 == 0) {
				episode.person(guest);
			}
			if (n == 3 || n == 30) {
				episode.type(EpisodeType.BONUS);
			}
			episodes.add(episode.build());
		}
		episodes.add(TestEpisodes.episode("trailer", "Trailer", first)
			.type(EpisodeType.TRAILER)
			.person(new Person("Bob Host", "host", null, null, null))
			.build());
		episodes.add(TestEpisodes.episode("later", "Later", Instant.now().plus(Duration.ofDays(2)))
			.season(3)
			.type(EpisodeType.FULL)
			.person(new Person("Future Guest", "guest", null, null, null))
			.build());
		new SiteData(this.context).store(TestEpisodes.show("Show"), episodes);
		long showId = this.jdbc.queryForObject("SELECT id FROM show", Long.class);
		this.editor.create(showId, new EpisodeEdit("Draft", null, null, null, null, null, first, 4, null, null, false,
				null, EpisodeStatus.DRAFT));

		Set<String> listed = new TreeSet<>();
		locations(xml(this.http.body("/sitemap.xml")), "url")
			.forEach((location) -> listed.add(location.substring(SITE.length())));
		assertThat(listed)
			.contains("/episodes?season=2", "/episodes?season=1&page=2", "/episodes?type=bonus",
					"/episodes?type=trailer", "/people/ann-guest?page=2", "/people/bob-host")
			.doesNotContain("/episodes?season=3", "/episodes?season=4", "/episodes?type=full", "/people/future-guest",
					"/episodes/later", "/episodes/draft");
		assertThat(listed).isEqualTo(crawl());
	}

	/** The pages reached by following links from the home, each as its one address. */
	private Set<String> crawl() {
		Set<String> pages = new TreeSet<>();
		Set<String> seen = new HashSet<>(Set.of("/"));
		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		while (!queue.isEmpty()) {
			String path = queue.remove();
			HttpResponse<byte[]> response = this.http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
				continue;
			}
			pages.add(path);
			org.jsoup.nodes.Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8),
					this.http.url(path));
			for (org.jsoup.nodes.Element link : page.select("a[href]")) {
				URI target = URI.create(link.absUrl("href"));
				if (!this.http.url("/").startsWith(target.getScheme() + "://" + target.getRawAuthority() + "/")
						|| NOT_FOR_SEARCH.matcher(target.getRawPath()).matches()) {
					continue;
				}
				String address = target.getRawPath() + ((target.getRawQuery() != null)
						? "?" + target.getRawQuery().replaceAll("(^|&)t=[^&]*", "").replaceFirst("^&", "") : "");
				address = address.replaceFirst("\\?$", "");
				if (seen.add(address)) {
					queue.add(address);
				}
			}
		}
		return pages;
	}

	@Test
	void listsEveryPageOfTheEpisodeList() throws Exception {
		new SiteData(this.context).store(TestEpisodes.show("Show"), TestEpisodes.large(45));
		Set<String> locations = new TreeSet<>(locations(xml(this.http.body("/sitemap.xml")), "url"));
		assertThat(locations).contains(SITE + "/episodes", SITE + "/episodes?page=2", SITE + "/episodes?page=3")
			.doesNotContain(SITE + "/episodes?page=4")
			.hasSize(1 + 3 + 45 + 1 + 1);
		assertThat(this.http.get("/episodes?page=3").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/episodes?page=4").statusCode()).isEqualTo(404);
	}

	@Test
	void eachPagesLastChangeIsItsOwn() throws Exception {
		Instant first = Instant.parse("2025-06-01T08:00:00Z");
		new SiteData(this.context).store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("one", "One", first).build(),
						TestEpisodes.episode("two", "Two", first.plus(Duration.ofDays(1))).build()));
		Instant stored = Instant.now();
		Document sitemap = xml(this.http.body("/sitemap.xml"));
		// Stored now, published earlier: the page changed when it was stored.
		Instant one = Instant.parse(lastModified(sitemap, SITE + "/episodes/one"));
		assertThat(one).isBetween(stored.minusSeconds(60), stored.plusSeconds(1));
		this.jdbc.update("UPDATE episode SET updated_at = ? WHERE guid = 'one'", Timestamp.from(first));
		this.jdbc.update("UPDATE episode SET updated_at = ? WHERE guid = 'two'",
				Timestamp.from(first.minus(Duration.ofDays(1))));
		this.context.publishEvent(new SiteContentChanged.OnAnotherInstance(0));
		sitemap = xml(this.http.body("/sitemap.xml"));
		assertThat(lastModified(sitemap, SITE + "/episodes/one")).isEqualTo("2025-06-01T08:00:00Z");
		// Updated before its date (scheduled): it appeared on its date.
		assertThat(lastModified(sitemap, SITE + "/episodes/two")).isEqualTo("2025-06-02T08:00:00Z");
	}

	@Test
	void isServedFromMemoryWithValidatorsAndA304ToACrawlerThatHasIt() throws Exception {
		new SiteData(this.context).store(TestEpisodes.show("Show"), TestEpisodes.large(3));
		HttpResponse<byte[]> first = this.http.get("/sitemap.xml");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
		assertThat(first.headers().firstValue("Last-Modified"))
			.hasValueSatisfying((date) -> assertThat(date).endsWith("GMT"));
		assertThat(first.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("public"));
		assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();

		HttpResponse<byte[]> again = this.http.get("/sitemap.xml", "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		HttpResponse<byte[]> byDate = this.http.get("/sitemap.xml", "If-Modified-Since",
				first.headers().firstValue("Last-Modified").orElseThrow());
		assertThat(byDate.statusCode()).isEqualTo(304);

		HttpResponse<byte[]> zipped = this.http.get("/sitemap.xml", "Accept-Encoding", "gzip");
		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes()).isEqualTo(first.body());

		// A change (an import) shows at once, under a new tag.
		new SiteData(this.context).store(TestEpisodes.show("Show"), TestEpisodes.large(4));
		HttpResponse<byte[]> changed = this.http.get("/sitemap.xml", "If-None-Match", etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains(SITE + "/episodes/episode-4-");
	}

	@Test
	void theHostsEditsShowAtOnce() throws Exception {
		new SiteData(this.context).store(TestEpisodes.show("Show"), TestEpisodes.large(3));
		String etag = this.http.get("/sitemap.xml").headers().firstValue("ETag").orElseThrow();
		long showId = this.jdbc.queryForObject("SELECT id FROM show", Long.class);
		this.editor.create(showId, new EpisodeEdit("Fresh", null, null, null, null, null,
				Instant.now().minusSeconds(60), null, null, null, false, "fresh", EpisodeStatus.PUBLISHED));
		this.editor.delete(this.jdbc.queryForObject("SELECT id FROM episode WHERE guid = 'large-1'", Long.class));

		HttpResponse<byte[]> changed = this.http.get("/sitemap.xml", "If-None-Match", etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(locations(xml(changed.body()), "url")).contains(SITE + "/episodes/fresh")
			.noneMatch((location) -> location.contains("episode-1-"))
			.hasSize(1 + 1 + 3 + 1 + 1);
	}

	@Test
	void aScheduledEpisodeJoinsTheSitemapAtItsTime() throws Exception {
		Instant soon = Instant.now().plusSeconds(2);
		new SiteData(this.context).store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("now", "Out now", Instant.parse("2024-01-01T10:00:00Z")).build(),
						TestEpisodes.episode("soon", "Coming soon", soon).build()));
		assertThat(text("/sitemap.xml")).contains("/episodes/out-now").doesNotContain("/episodes/coming-soon");
		Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 1100);
		assertThat(text("/sitemap.xml")).contains("/episodes/coming-soon");
	}

	@Test
	void anEmptySiteHasNoSitemapYetAndSaysSo() {
		HttpResponse<byte[]> response = this.http.get("/sitemap.xml");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void robotsTxtKeepsCrawlersOutOfTheAdminAndNamesTheSitemap() {
		HttpResponse<byte[]> robots = this.http.get("/robots.txt");
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
		assertThat(new String(robots.body(), StandardCharsets.UTF_8)).isEqualTo("""
				User-agent: *
				Disallow: /admin
				Disallow: /login

				Sitemap: https://podcast.example/sitemap.xml
				""");
		String etag = robots.headers().firstValue("ETag").orElseThrow();
		assertThat(this.http.get("/robots.txt", "If-None-Match", etag).statusCode()).isEqualTo(304);
	}

	private String text(String path) {
		return new String(this.http.body(path), StandardCharsets.UTF_8);
	}

	static Document xml(byte[] bytes) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	/** The {@code loc} of each {@code element} ({@code url} or {@code sitemap}). */
	static List<String> locations(Document document, String element) {
		List<String> locations = new ArrayList<>();
		NodeList entries = document.getElementsByTagNameNS(NAMESPACE, element);
		for (int i = 0; i < entries.getLength(); i++) {
			locations.add(child((Element) entries.item(i), "loc"));
		}
		return locations;
	}

	/**
	 * The protocol's basics: UTF-8, in its namespace, each entry an absolute address of
	 * the site under 2,048 characters with a W3C Datetime lastmod, no address twice, at
	 * most 50,000 entries.
	 */
	static void assertValid(Document document, String element) {
		assertThat(document.getXmlEncoding()).isEqualToIgnoringCase("UTF-8");
		NodeList entries = document.getElementsByTagNameNS(NAMESPACE, element);
		assertThat(entries.getLength()).isBetween(1, 50_000);
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			assertThat(entry.getNamespaceURI()).isEqualTo(NAMESPACE);
			assertThat(child(entry, "loc")).startsWith(SITE + "/").hasSizeLessThan(2048);
			String lastmod = child(entry, "lastmod");
			assertThat(lastmod).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
			assertThat(DateTimeFormatter.ISO_INSTANT.parse(lastmod, Instant::from)).isBefore(Instant.now());
		}
		assertThat(locations(document, element)).doesNotHaveDuplicates();
	}

	static String lastModified(Document document, String location) {
		NodeList entries = document.getElementsByTagNameNS(NAMESPACE, "url");
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			if (child(entry, "loc").equals(location)) {
				return child(entry, "lastmod");
			}
		}
		throw new AssertionError("No " + location + " in the sitemap");
	}

	private static String child(Element element, String name) {
		NodeList children = element.getElementsByTagNameNS(NAMESPACE, name);
		assertThat(children.getLength()).as(name).isEqualTo(1);
		return children.item(0).getTextContent();
	}

}
