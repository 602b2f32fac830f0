package dev.podsite.search;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /search and /links over real HTTP, against the running server: the header's form, the
 * results, and hostile or broken input, which gets a page and never a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SearchHttpTests {

	/** What a browser asks for, so that errors answer a page. */
	private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

	private static final Instant DAY = Instant.parse("2024-03-01T10:00:00Z");

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	private SiteHttp http;

	@BeforeEach
	void aShow() {
		Database.clear(this.jdbc);
		this.http = new SiteHttp(this.port);
		new SiteData(this.context).store(TestEpisodes.show("Show"), List.of(TestEpisodes
			.episode("a", "Ferris in production", DAY)
			.notes("<p>A note with &lt;script&gt;alert(1)&lt;/script&gt; about ferris. <a href=\"https://www.GitHub.com/tokio-rs/tokio\">Tokio repo</a>,"
					+ " <a href=\"https://docs.rs/serde\">Serde docs</a></p>")
			.build(),
				TestEpisodes.episode("b", "Async at scale", DAY.plus(Duration.ofDays(1)))
					.notes("<p><a href=\"https://github.com/serde-rs/serde\">Serde on GitHub</a>"
							+ " <a href=\"https://github.com/tokio-rs/tokio\">Tokio again</a></p>")
					.build()));
	}

	@Test
	void everyPageHasASearchFormInItsHeaderThatWorksWithoutScript() throws Exception {
		Document page = page("/episodes");
		var form = page.select("header form[role=search]").first();
		assertThat(form.attr("action")).isEqualTo("/search");
		assertThat(form.attr("method")).isEqualTo("get");
		var input = form.select("input[name=q]").first();
		assertThat(page.select("label[for=" + input.id() + "]").text()).isEqualTo("Search the episodes");
	}

	@Test
	void aSearchListsTheEpisodesFoundWithTheirLinksDatesAndHighlightedSnippets() throws Exception {
		Document page = page("/search?q=ferris");
		assertThat(page.select(".search-results h2 a").eachAttr("href"))
			.containsExactly("/episodes/ferris-in-production");
		assertThat(page.select(".search-results h2 a").html()).isEqualTo("<mark>Ferris</mark> in production");
		assertThat(page.select(".search-results time").attr("datetime")).isEqualTo("2024-03-01");
		assertThat(page.select(".snippet mark").eachText()).contains("ferris");
		assertThat(page.select(".snippet").text()).contains("<script>alert(1)</script>");
		assertThat(page.select("script")).isEmpty();
		assertThat(page.select("#site-search-text").val()).isEqualTo("ferris");
		assertThat(page.select("[role=status]").text()).isEqualTo("1 episode matches \u201Cferris\u201D.");
	}

	@Test
	void anEmptySearchShowsTheFormAndAHint() throws Exception {
		for (String path : List.of("/search", "/search?q=", "/search?q=%20%20")) {
			HttpResponse<byte[]> response = follow(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
			assertThat(page.select("main form input[name=q]")).as(path).hasSize(1);
			assertThat(page.select("#search-hint").text()).contains("quotes");
			assertThat(page.select(".search-results")).isEmpty();
		}
	}

	@Test
	void hostileOrBrokenSearchesGetAPageNeverAnError() throws Exception {
		List<String> queries = List.of("q=" + "a".repeat(5000), "q=" + encode("ferris ".repeat(800)),
				"q=" + encode("\"\" - or -"), "q=%22", "q=%25", "q=%5C", "q=" + encode("<script>alert(1)</script>"),
				"q=%C3%28", "q=%FF", "q=%00ferris", "q=" + encode("'); DROP TABLE episode; --"),
				"q=" + encode("a:* & !b | (c <-> d)"), "q=ferris&page=abc", "q=ferris&page=0",
				"q=ferris&page=99999999999", "q=%F0%9F%A6%80", "q=" + encode("\uD83E"), "q=%ED%A0%80");
		for (String query : queries) {
			HttpResponse<byte[]> response = follow("/search?" + query);
			String body = new String(response.body(), StandardCharsets.UTF_8);
			assertThat(response.statusCode()).as(query).isIn(200, 400, 404);
			assertThat(body).as(query).doesNotContain("<script>alert");
			Document page = Jsoup.parse(body);
			assertThat(page.select("h1").text()).as(query + " " + response.statusCode() + " " + body).isNotEmpty();
			assertThat(page.select("header form[role=search]")).as(query).hasSize(1);
		}
		Document longOne = page("/search?q=" + encode("ferris ".repeat(800)));
		assertThat(longOne.select("[role=status]").text()).contains("first 200 characters");
		assertThat(page("/search?q=" + encode("\"\" - or -")).select("main p").text()).contains("no word to look for");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode", Integer.class)).isEqualTo(2);
	}

	@Test
	void searchPagesHaveOneAddressAndAreCachedLikeThePublicPages() throws Exception {
		HttpResponse<byte[]> redirect = this.http.get("/search?q=%20ferris%20%20&utm_source=x");
		assertThat(redirect.statusCode()).isEqualTo(301);
		assertThat(redirect.headers().firstValue("Location")).hasValue("/search?q=ferris");
		HttpResponse<byte[]> page = this.http.get("/search?q=ferris");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String etag = page.headers().firstValue("ETag").orElseThrow();
		assertThat(this.http.get("/search?q=ferris", "If-None-Match", etag).statusCode()).isEqualTo(304);
	}

	@Test
	void theLinksAreGroupedBySiteWithTheEpisodesThatMentionThem() throws Exception {
		Document page = page("/links");
		assertThat(page.select(".links-by-site > li > h2").eachText()).containsExactly("docs.rs", "github.com");
		var github = page.select(".links-by-site > li").get(1);
		assertThat(github.select("ul > li > a[rel]").eachAttr("href")).containsExactlyInAnyOrder(
				"https://github.com/serde-rs/serde", "https://github.com/tokio-rs/tokio",
				"https://www.GitHub.com/tokio-rs/tokio");
		assertThat(github.select("a[href=/episodes/ferris-in-production]")).hasSize(1);
		assertThat(github.select("time").eachAttr("datetime")).contains("2024-03-01", "2024-03-02");
		Document tokio = page("/links?q=TOKIO");
		assertThat(tokio.select(".links-by-site > li > h2").eachText()).containsExactly("github.com");
		assertThat(tokio.select(".links-by-site a[rel]").eachText()).containsExactlyInAnyOrder("Tokio repo",
				"Tokio again");
		for (String query : List.of("q=%25", "q=_", "q=%5C", "q=%FF", "q=" + encode("<script>"), "page=abc")) {
			HttpResponse<byte[]> response = follow("/links?" + query);
			assertThat(response.statusCode()).as(query).isIn(200, 400, 404);
			assertThat(Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8)).select("h1").text()).as(query)
				.isNotEmpty();
		}
		assertThat(page("/links?q=%25").select(".links-by-site > li")).isEmpty();
	}

	private Document page(String path) {
		HttpResponse<byte[]> response = follow(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
	}

	/** The page at the address, after the one redirect to its one spelling. */
	private HttpResponse<byte[]> follow(String path) {
		HttpResponse<byte[]> response = this.http.get(path, "Accept", BROWSER);
		if (response.statusCode() == 301) {
			response = this.http.get(response.headers().firstValue("Location").orElseThrow(), "Accept", BROWSER);
		}
		return response;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
