package dev.podsite.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.podsite.support.Database;
import dev.podsite.support.SiteHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before the first import, visitors read that the site waits for it; why an import failed
 * (addresses, ports, errors of the server's network) is for the host alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmptySiteTests {

	private static final String REASON = "The feed at http://feeds.internal.example:8443/show.xml could not be reached:"
			+ " Connection refused";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void anImportFailed() {
		Database.clear(this.jdbc);
		this.jdbc.update("INSERT INTO import_run (feed_url, started_at, finished_at, status, error_message)"
				+ " VALUES ('http://feeds.internal.example:8443/show.xml', now(), now(), 'FAILED', ?)", REASON);
	}

	@Test
	void visitorsReadThatTheSiteWaitsForItsFirstImportAndNotWhyItFailed() {
		SiteHttp site = new SiteHttp(this.port);
		for (String path : new String[] { "/", "/episodes" }) {
			String page = new String(site.body(path), StandardCharsets.UTF_8);
			assertThat(page).as(path).doesNotContain(REASON).doesNotContain("feeds.internal.example");
		}
		assertThat(new String(site.body("/"), StandardCharsets.UTF_8))
			.contains("waiting for the first import of the show's feed");
	}

	@Test
	void theHostsDashboardStillSaysWhyItFailed() {
		SiteHttp site = new SiteHttp(this.port);
		HttpResponse<byte[]> dashboard = site.get("/admin", "Cookie", site.hostSession());
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(new String(dashboard.body(), StandardCharsets.UTF_8)).contains(REASON);
	}

}
