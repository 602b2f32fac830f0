package dev.podsite.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImportStatus;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard shouts when the feed's server says the feed is gone (410) or keeps not
 * finding it (404), and only then.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedAlertTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	/** The status the feed's server answers next. */
	private final AtomicInteger answer = new AtomicInteger(200);

	private HttpServer server;

	private URI feedUrl;

	private ImporterHarness harness;

	@BeforeEach
	void aShowImportedFromItsServer() {
		Database.clear(this.jdbc);
		this.server = feedServer();
		this.feedUrl = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/feed.xml");
		this.harness = new ImporterHarness(this.context);
		assertThat(importFeed().getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void aFeedThatIsGoneIsReportedLoudlyAtOnce() throws Exception {
		this.answer.set(410);
		ImportRun gone = importFeed();
		assertThat(gone.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(gone.getHttpStatus()).isEqualTo(410);
		assertThat(this.jdbc.queryForObject("SELECT http_status FROM import_run WHERE id = ?", Integer.class,
				gone.getId()))
			.isEqualTo(410);

		assertThat(alerts().text()).isEqualTo("The feed at " + this.feedUrl + " is gone (410): its host says it was"
				+ " removed for good. Check the feed's address (podsite.feed.url): the show may have moved to a new"
				+ " feed, which its host or its web page names. Until then the site keeps the episodes it has.");

		this.answer.set(200);
		importFeed();
		assertThat(alerts()).as("a feed that is back is no news").isEmpty();
	}

	@Test
	void aFeedThatIsNotFoundOnceIsNoAlarmButTwiceInARowIs() throws Exception {
		this.answer.set(404);
		assertThat(importFeed().getHttpStatus()).isEqualTo(404);
		assertThat(alerts()).as("one 404 may be a hiccup").isEmpty();

		importFeed();
		assertThat(alerts().text()).isEqualTo("The feed at " + this.feedUrl + " has not been found 2 times in a row"
				+ " (404). Check the feed's address (podsite.feed.url): the show may have moved, or its host removed"
				+ " the feed. Until then the site keeps the episodes it has.");
		importFeed();
		assertThat(alerts().text()).contains("has not been found 3 times in a row (404)");

		this.answer.set(200);
		importFeed();
		assertThat(alerts()).isEmpty();
	}

	@Test
	void notFoundAnswersCountOnlyInARow() throws Exception {
		this.answer.set(404);
		importFeed();
		this.answer.set(500);
		importFeed();
		this.answer.set(404);
		importFeed();
		assertThat(alerts()).isEmpty();
		importFeed();
		assertThat(alerts().text()).contains("has not been found 2 times in a row");
	}

	@Test
	void otherFailuresAreNotShouted() throws Exception {
		this.answer.set(500);
		importFeed();
		importFeed();
		importFeed();
		assertThat(alerts()).isEmpty();
		assertThat(Jsoup.parse(dashboard()).select("table.runs tr.failed").text())
			.contains("answered 500 (Internal Server Error)");
	}

	@Test
	void theAlertStaysWhenTheSiteFallsBackToTheDemo() throws Exception {
		Database.clear(this.jdbc);
		this.answer.set(410);
		importFeed();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM import_run WHERE demo AND status = 'SUCCEEDED'",
				Integer.class))
			.as("the demo import came last")
			.isEqualTo(1);
		assertThat(alerts().text()).startsWith("The feed at " + this.feedUrl + " is gone (410)");
	}

	@Test
	void importsThatWereSkippedDoNotBreakTheRow() throws Exception {
		this.answer.set(404);
		importFeed();
		this.jdbc.update(
				"INSERT INTO import_run (feed_url, started_at, finished_at, status, note)"
						+ " VALUES (?, now(), now(), 'SKIPPED', 'Another import was running')",
				this.feedUrl.toString());
		importFeed();
		assertThat(alerts().text()).contains("has not been found 2 times in a row");
	}

	private ImportRun importFeed() {
		return this.harness.importFrom(this.feedUrl);
	}

	private Elements alerts() throws Exception {
		return Jsoup.parse(dashboard()).select("main [role=alert]");
	}

	private String dashboard() throws Exception {
		return this.mvc.perform(get("/admin").with(user("host").roles("HOST")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Answers the feed, or the status {@link #answer} names. */
	private HttpServer feedServer() {
		byte[] feed = rss("", item("1", "One", DATE, "")).getBytes();
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/feed.xml", (exchange) -> {
				int status = this.answer.get();
				exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
				exchange.sendResponseHeaders(status, (status == 200) ? feed.length : -1);
				if (status == 200) {
					exchange.getResponseBody().write(feed);
				}
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
