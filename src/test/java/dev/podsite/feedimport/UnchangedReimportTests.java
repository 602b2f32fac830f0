package dev.podsite.feedimport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;

import dev.podsite.support.Database;
import dev.podsite.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed fetched again with the same episodes writes no row of the site's data, as
 * PostgreSQL itself counts them ({@code pg_stat_user_tables}): a re-import that rewrote
 * its episodes would rewrite their search index and make every page and the feed rendered
 * again. Only the import's own record ({@code import_run}: one row added, then finished)
 * and the feed's bookkeeping ({@code feed_state}: one row, when it was fetched and with
 * which validators) are written.
 */
@SpringBootTest
class UnchangedReimportTests {

	private static final String CHAPTERS = """
			{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Welcome"}, {"startTime": 60, "title": "Rust"}]}
			""";

	private static final String TRANSCRIPT = """
			WEBVTT

			00:00:00.000 --> 00:00:04.000
			<v Host>Welcome to the show.

			00:00:04.000 --> 00:00:09.000
			<v Guest>Thanks for having me.
			""";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@TempDir
	private Path dir;

	private ImporterHarness harness;

	private final FeedHost files = FeedHost.start();

	@BeforeEach
	void emptySite() {
		Database.clear(this.jdbc);
		this.harness = new ImporterHarness(this.context);
	}

	@AfterEach
	void stopFiles() {
		this.files.close();
	}

	@Test
	void aLargeFeedFetchedAgainWithOtherBytesButTheSameEpisodesWritesNoRow() throws Exception {
		Path feed = largeFeedWithPeopleChaptersAndTranscripts(300);
		ImportRun first = this.harness.importFrom(feed);
		assertThat(first.getNewCount()).isEqualTo(300);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM media_file WHERE failed_at IS NULL", Long.class))
			.as("every chapters and transcript file read")
			.isEqualTo(600);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode_person", Long.class)).isEqualTo(300);
		// Other bytes (a feed its host generated again), so the whole feed is read and
		// compared, not skipped as the same bytes.
		Files.writeString(feed, "<!-- generated again -->\n", StandardOpenOption.APPEND);

		assertThat(rowsWrittenByImporting(feed)).isEqualTo(Map.of("import_run", 2L, "feed_state", 2L));
	}

	@Test
	void theSameBytesFetchedAgainWriteOnlyTheBookkeeping() throws Exception {
		Path feed = largeFeedWithPeopleChaptersAndTranscripts(50);
		this.harness.importFrom(feed);

		assertThat(rowsWrittenByImporting(feed)).isEqualTo(Map.of("import_run", 2L, "feed_state", 1L));
	}

	@Test
	void aReimportThatChangesOneEpisodeIsSeenByTheCountsItself() throws Exception {
		Path feed = LargeFeed.write(this.dir.resolve("large.xml"), 50);
		this.harness.importFrom(feed);
		Files.writeString(feed, Files.readString(feed).replace("Episode 7: Rust", "Episode 7: Rust, retitled"));

		assertThat(rowsWrittenByImporting(feed)).containsEntry("episode", 1L);
	}

	/**
	 * {@link LargeFeed} with a guest, a chapters file and a transcript per episode, the
	 * files served from this machine (a file that fails is asked for again at every
	 * import, by design).
	 */
	private Path largeFeedWithPeopleChaptersAndTranscripts(int episodes) throws Exception {
		this.files.serve("/files/", (exchange) -> {
			boolean chapters = exchange.getRequestURI().getPath().endsWith(".json");
			byte[] body = (chapters ? CHAPTERS : TRANSCRIPT).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", chapters ? "application/json+chapters" : "text/vtt");
			exchange.getResponseHeaders().set("ETag", chapters ? "\"c1\"" : "\"t1\"");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		});
		Path feed = LargeFeed.write(this.dir.resolve("large.xml"), episodes);
		String xml = Files.readString(feed)
			.replaceAll("<podcast:transcript url=\"https://large.example/(\\d+)\\.vtt\"",
					"<podcast:person role=\"guest\">Guest $1</podcast:person><podcast:chapters url=\""
							+ this.files.url("/files/$1.json") + "\" type=\"application/json+chapters\"/>"
							+ "<podcast:transcript url=\"" + this.files.url("/files/$1.vtt") + "\"");
		return Files.writeString(feed, xml);
	}

	/**
	 * Rows inserted, updated and deleted per table while importing {@code feed}, as
	 * PostgreSQL's statistics count them, for the tables where any was.
	 */
	private Map<String, Long> rowsWrittenByImporting(Path feed) throws SQLException {
		TestDatabase.Connection db = TestDatabase.connection();
		try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
				Statement statement = connection.createStatement()) {
			Map<String, Long> before = rowsWritten(statement);
			this.harness.importFrom(feed);
			Map<String, Long> after = rowsWritten(statement);
			Map<String, Long> written = new TreeMap<>();
			after.forEach((table, rows) -> {
				long delta = rows - before.getOrDefault(table, 0L);
				if (delta != 0) {
					written.put(table, delta);
				}
			});
			return written;
		}
	}

	/**
	 * Every table's rows written so far. A session sends its counts to the statistics
	 * when it ends, or when idle, up to 10 s later: so every session of the database but
	 * this one is ended first (the site's pool closes its own and starts new ones, which
	 * have written nothing; the other contexts' pools replace theirs when next asked).
	 */
	private Map<String, Long> rowsWritten(Statement statement) throws SQLException {
		Timestamp now;
		try (ResultSet result = statement.executeQuery("SELECT now()")) {
			result.next();
			now = result.getTimestamp(1);
		}
		this.context.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		try (PreparedStatement sessions = statement.getConnection()
			.prepareStatement("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
					+ " WHERE datname = current_database() AND backend_type = 'client backend'"
					+ " AND pid <> pg_backend_pid() AND backend_start < ?")) {
			sessions.setTimestamp(1, now);
			sessions.execute();
		}
		statement.execute("SELECT pg_stat_force_next_flush()");
		statement.execute("SELECT pg_stat_clear_snapshot()");
		Map<String, Long> rows = new TreeMap<>();
		try (ResultSet result = statement
			.executeQuery("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables")) {
			while (result.next()) {
				rows.put(result.getString(1), result.getLong(2));
			}
		}
		return rows;
	}

}
