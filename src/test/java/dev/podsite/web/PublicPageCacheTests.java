package dev.podsite.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.show.ShowChanged;
import dev.podsite.support.Database;
import dev.podsite.support.SiteHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public pages are rendered once per change of the show's data and kept in between; the
 * host's requests are always rendered; a scheduled episode appears at its time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublicPageCacheTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@TempDir
	private Path dir;

	private SiteHttp site;

	@BeforeEach
	void aShow() {
		Database.clear(this.jdbc);
		this.site = new SiteHttp(this.port);
		new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"),
				rss("", item("1", "First title", DATE, "")));
	}

	@Test
	void aPageIsRenderedOncePerChangeAndKeptInBetween() {
		for (String path : new String[] { "/", "/episodes", "/episodes/first-title" }) {
			assertThat(text(path)).as(path).contains("First title");
		}
		// Behind the site's back: the kept pages do not see it.
		this.jdbc.update("UPDATE episode SET title = 'Second title'");
		for (String path : new String[] { "/", "/episodes", "/episodes/first-title" }) {
			assertThat(text(path)).as(path).contains("First title");
		}
		this.context.publishEvent(new ShowChanged());
		for (String path : new String[] { "/", "/episodes", "/episodes/first-title" }) {
			assertThat(text(path)).as(path).contains("Second title").doesNotContain("First title");
		}
	}

	@Test
	void keptPagesCarryTheSameHeadersAndNoCookie() {
		HttpResponse<byte[]> rendered = this.site.get("/episodes");
		HttpResponse<byte[]> kept = this.site.get("/episodes");
		for (String header : new String[] { "Content-Type", "Content-Security-Policy", "X-Frame-Options",
				"X-Content-Type-Options", "Referrer-Policy", "Cache-Control", "ETag" }) {
			assertThat(kept.headers().firstValue(header)).as(header)
				.isPresent()
				.isEqualTo(rendered.headers().firstValue(header));
		}
		assertThat(kept.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(kept.body()).isEqualTo(rendered.body());
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
		new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"),
				rss("", item("1", "First title", DATE, ""), item("2", "Coming soon",
						DateTimeFormatter.RFC_1123_DATE_TIME.format(soon.atOffset(ZoneOffset.UTC)), "")));
		assertThat(text("/episodes")).doesNotContain("Coming soon");
		Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 1100);
		assertThat(text("/episodes")).contains("Coming soon");
	}

	private String text(String path) {
		return new String(this.site.body(path), StandardCharsets.UTF_8);
	}

}
