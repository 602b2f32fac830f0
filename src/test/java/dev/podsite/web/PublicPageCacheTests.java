package dev.podsite.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.podsite.episode.ImportedEpisode;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public pages are rendered once per change of the show's data and kept in between; the
 * host's requests are always rendered; a scheduled episode appears at its time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublicPageCacheTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

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
		for (String path : new String[] { "/", "/episodes", "/episodes/first-title" }) {
			assertThat(text(path)).as(path).contains("First title");
		}
		// Behind the site's back: the kept pages do not see it.
		this.jdbc.update("UPDATE episode SET title = 'Second title'");
		for (String path : new String[] { "/", "/episodes", "/episodes/first-title" }) {
			assertThat(text(path)).as(path).contains("First title");
		}
		this.context.publishEvent(new SiteContentChanged.OnAnotherInstance(1));
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
		this.data.store(TestEpisodes.show("Show"), List.of(first(),
				TestEpisodes.episode("2", "Coming soon", soon.truncatedTo(ChronoUnit.MILLIS)).build()));
		assertThat(text("/episodes")).doesNotContain("Coming soon");
		Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 1100);
		assertThat(text("/episodes")).contains("Coming soon");
	}

	private static ImportedEpisode first() {
		return TestEpisodes.episode("1", "First title", Instant.parse("2024-01-01T10:00:00Z")).build();
	}

	private String text(String path) {
		return new String(this.site.body(path), StandardCharsets.UTF_8);
	}

}
