package dev.podsite.feedimport;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpHandler;
import dev.podsite.support.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A feed of 1.2 million tiny items (49 MB, 3 MB gzipped) is refused before it is read
 * whole by a site with the 512 MB heap it runs with in production: the run says why, the
 * episodes stay as they were, and the site lives on. Read whole, such a feed fills the
 * heap many times over. The site runs in a child JVM on the shared test database.
 */
@SpringBootTest
class HugeFeedTests {

	/** How the child's connections name themselves in {@code pg_stat_activity}. */
	private static final String CHILD = "podsite-huge-feed";

	private static final int ITEMS = 1_200_000;

	private static final String HEAD = """
			<?xml version="1.0" encoding="UTF-8"?>
			<rss version="2.0"><channel><title>Huge Show</title><link>https://huge.example/</link>
			<description>Many tiny items.</description>
			""";

	private static final String TAIL = "</channel></rss>\n";

	@Autowired
	private ApplicationContext context;

	@TempDir
	private Path dir;

	private final FeedHost host = FeedHost.start();

	/** Not pooled, as the child's sessions are ended from here. */
	private JdbcTemplate jdbc;

	@BeforeEach
	void emptySite() {
		this.jdbc = Database.migrated();
		Database.clear(this.jdbc);
	}

	@AfterEach
	void stopHost() {
		this.host.close();
	}

	@Test
	void aFeedOfMillionsOfTinyItemsIsRefusedWithoutFillingTheMemory() throws Exception {
		String date = "Mon, 01 Jan 2024 10:00:00 +0000";
		this.host.serve("/feed.xml", FeedHost.body("application/rss+xml",
				rss("", item("1", "One", date, ""), item("2", "Two", date, "")).getBytes(StandardCharsets.UTF_8)));
		this.host.serve("/huge.xml", hugeFeed());
		ImportRun first = new ImporterHarness(this.context).importFrom(this.host.url("/feed.xml"));
		assertThat(first.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		List<String> episodesBefore = episodeRows();
		long lastRun = this.jdbc.queryForObject("SELECT max(id) FROM import_run", Long.class);
		// Due at once when the child starts.
		this.jdbc.update("UPDATE feed_state SET last_started_at = NULL");

		Path log = this.dir.resolve("site.log");
		Instant started = Instant.now();
		Process site = ChildSite.start(this.host.url("/huge.xml"), CHILD, log,
				"--podsite.feed.allow-private-addresses=true");
		try {
			Map<String, Object> run = awaitRunAfter(lastRun, site, log);
			System.out.printf("The child site refused the huge feed %.1f s after it started; the run took %s%n",
					Duration.between(started, Instant.now()).toMillis() / 1000.0, run.get("took"));
			assertThat(run).containsEntry("status", "FAILED")
				.containsEntry("error_code", "feed.tooManyItems")
				.containsEntry("error_args", "[\"" + this.host.url("/huge.xml") + "\", 1200000, 20000]");
			assertThat(episodeRows()).isEqualTo(episodesBefore);
			assertThat(site.isAlive()).as("the site lives on").isTrue();
			assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
		}
		finally {
			site.destroyForcibly();
			assertThat(site.waitFor(30, TimeUnit.SECONDS)).isTrue();
			// Never leave a session of the child behind on the shared database.
			ChildSite.endSessions(this.jdbc, CHILD);
		}
	}

	/**
	 * 1.2 million items of 41 bytes, gzipped as they are written: the host never holds
	 * the feed whole.
	 */
	private static HttpHandler hugeFeed() {
		assertThat(HEAD.length() + 41L * ITEMS + TAIL.length()).as("under the default podsite.feed.max-bytes")
			.isLessThan(50L * 1024 * 1024);
		return (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.getResponseHeaders().add("Content-Encoding", "gzip");
			exchange.sendResponseHeaders(200, 0);
			try (Writer out = new BufferedWriter(new OutputStreamWriter(
					new GZIPOutputStream(exchange.getResponseBody(), 64 * 1024), StandardCharsets.UTF_8), 64 * 1024)) {
				out.write(HEAD);
				for (int n = 1; n <= ITEMS; n++) {
					out.write(String.format("<item><title>%07d</title></item>     %n", n));
				}
				out.write(TAIL);
			}
		};
	}

	/** The first finished run of the feed after {@code id}, with how long it took. */
	private Map<String, Object> awaitRunAfter(long id, Process site, Path log) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (true) {
			List<Map<String, Object>> runs = this.jdbc.queryForList(
					"SELECT status, error_notice ->> 'code' AS error_code, (error_notice -> 'args')::text AS error_args,"
							+ " (finished_at - started_at)::text AS took FROM import_run"
							+ " WHERE id > ? AND NOT demo AND status <> 'RUNNING' ORDER BY id",
					id);
			if (!runs.isEmpty()) {
				return runs.get(0);
			}
			if (!site.isAlive() || Instant.now().isAfter(deadline)) {
				fail("The site did not finish its import; its log:%n%s", ChildSite.tail(log));
			}
			Thread.sleep(200);
		}
	}

	private List<String> episodeRows() {
		return this.jdbc.queryForList("SELECT to_jsonb(e)::text FROM episode e ORDER BY id", String.class);
	}

}
