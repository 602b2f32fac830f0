package dev.podsite.feedimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.podsite.PodsiteApplication;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Killing the site (kill -9) in the middle of an import leaves the previous state, frees
 * the import lock, and the next start imports the feed again: exactly its episodes, no
 * duplicates. The killed site runs in a child JVM on the shared test database; a trigger
 * holds its write transaction open half-way through the episodes.
 */
@SpringBootTest
class ImportCrashTests {

	/** How the child's connections name themselves in {@code pg_stat_activity}. */
	private static final String CHILD = "podsite-killed-during-import";

	/** The key of the advisory lock that holds the killed site's import half-way. */
	private static final long GATE = 0x43726173685465L;

	/** The site's own tables: what an import must leave whole. */
	private static final List<String> SITE_TABLES = List.of("show", "show_category", "show_funding", "episode",
			"episode_link", "episode_transcript", "episode_person", "person", "person_alias", "show_person",
			"data_version");

	@Autowired
	private ApplicationContext context;

	@TempDir
	private Path dir;

	private final TestDatabase.Connection db = TestDatabase.connection();

	/** Not pooled: a session's advisory lock ends with its connection. */
	private JdbcTemplate jdbc;

	@BeforeEach
	void emptySite() {
		this.jdbc = Database.migrated();
		Database.clear(this.jdbc);
	}

	@AfterEach
	void dropTrigger() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS pause_import ON episode");
	}

	@Test
	void aSiteKilledWhileWritingAnImportLeavesThePreviousStateAndImportsAgainWhenItStarts() throws Exception {
		Path feed = this.dir.resolve("feed.xml");
		new ImporterHarness(this.context).importFrom(LargeFeed.write(feed, 300));
		Map<String, String> before = contents();
		// The feed doubles: 300 new episodes and 300 changed ones (their dates move).
		LargeFeed.write(feed, 600);
		this.jdbc.update("UPDATE feed_state SET last_started_at = NULL");
		// Half-way through the episodes, the import's transaction waits at a gate the
		// test holds closed (an advisory lock) until the site is dead.
		pauseImportsHalfWay();

		Path log = this.dir.resolve("site.log");
		Process site = null;
		try {
			long killedRun;
			try (Connection gate = DriverManager.getConnection(this.db.url(), this.db.username(), this.db.password())) {
				gate.createStatement().execute("SELECT pg_advisory_lock(" + GATE + ")");
				site = ChildSite.start(feed.toUri(), CHILD, log);
				assertThat(awaitPausedImport(site, log)).as("the import's transaction has written rows")
					.containsEntry("writing", true);
				assertThat(tryImportLock()).as("the site holds the import lock").isFalse();
				killedRun = this.jdbc.queryForObject("SELECT max(id) FROM import_run", Long.class);

				site.destroyForcibly();
				assertThat(site.waitFor(30, TimeUnit.SECONDS)).isTrue();
				assertThat(site.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
			}
			// The gate opens: PostgreSQL finds the client of that transaction gone.
			awaitNoConnectionsOfTheKilledSite();
			assertThat(contents()).as("the previous state, whole").isEqualTo(before);
			assertThat(this.jdbc.queryForObject("SELECT status FROM import_run WHERE id = ?", String.class, killedRun))
				.isEqualTo("RUNNING");
			assertThat(tryImportLock()).as("the import lock died with the site").isTrue();
			this.jdbc.execute("DROP TRIGGER pause_import ON episode");

			// The site starts again: although an import started moments ago, the one that
			// did not finish is imported again right away.
			try (ConfigurableApplicationContext restarted = startSiteHere(feed)) {
				ImportRun next = awaitRunAfter(restarted.getBean(ImportRunRepository.class), killedRun);
				assertThat(next.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
				assertThat(next.getNewCount()).isEqualTo(300);
				assertThat(next.getUpdatedCount()).isEqualTo(300);
			}
			assertThat(this.jdbc.queryForMap(
					"SELECT status, error_notice ->> 'code' AS error_code FROM import_run WHERE id = ?", killedRun))
				.containsEntry("status", "FAILED")
				.containsEntry("error_code", "import.interrupted");
			assertThat(this.jdbc.queryForMap("SELECT count(*) AS episodes, count(DISTINCT identity) AS identities,"
					+ " count(*) FILTER (WHERE hidden) AS hidden FROM episode"))
				.containsEntry("episodes", 600L)
				.containsEntry("identities", 600L)
				.containsEntry("hidden", 0L);
		}
		finally {
			if (site != null) {
				site.destroyForcibly();
			}
			// Never leave a session of the child behind on the shared database.
			ChildSite.endSessions(this.jdbc, CHILD);
		}
	}

	/**
	 * A site stopped as systemd, Docker or Kubernetes stop a service (SIGTERM) while it
	 * writes an import lets the import finish first (the scheduler awaits its tasks),
	 * then stops: the run is recorded as it ended, with the feed whole.
	 */
	@Test
	void aSiteStoppedWhileWritingAnImportLetsTheImportFinishFirst() throws Exception {
		Path feed = this.dir.resolve("feed.xml");
		new ImporterHarness(this.context).importFrom(LargeFeed.write(feed, 300));
		LargeFeed.write(feed, 600);
		this.jdbc.update("UPDATE feed_state SET last_started_at = NULL");
		pauseImportsHalfWay();

		Path log = this.dir.resolve("site.log");
		Process site = null;
		try {
			long stoppedRun;
			try (Connection gate = DriverManager.getConnection(this.db.url(), this.db.username(), this.db.password())) {
				gate.createStatement().execute("SELECT pg_advisory_lock(" + GATE + ")");
				// As in production: the tests' own configuration does not wait.
				site = ChildSite.start(feed.toUri(), CHILD, log,
						"--spring.task.scheduling.shutdown.await-termination=true",
						"--logging.level.org.springframework.scheduling.concurrent=DEBUG");
				assertThat(awaitPausedImport(site, log)).containsEntry("writing", true);
				stoppedRun = this.jdbc.queryForObject("SELECT max(id) FROM import_run", Long.class);

				site.destroy();
				awaitLine(site, log, "Shutting down ExecutorService 'taskScheduler'");
				assertThat(site.isAlive()).as("the site waits for its import").isTrue();
			}
			// The gate opens: the import goes on, and the site stops once it is done.
			assertThat(site.waitFor(60, TimeUnit.SECONDS)).as("the site stops").isTrue();
			this.jdbc.execute("DROP TRIGGER pause_import ON episode");
			assertThat(this.jdbc.queryForMap("SELECT status, new_count, updated_count FROM import_run WHERE id = ?",
					stoppedRun))
				.containsEntry("status", "SUCCEEDED")
				.containsEntry("new_count", 300)
				.containsEntry("updated_count", 300);
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode", Long.class)).isEqualTo(600);
			assertThat(tryImportLock()).as("the import lock went with the site").isTrue();
		}
		finally {
			if (site != null) {
				site.destroyForcibly();
			}
			ChildSite.endSessions(this.jdbc, CHILD);
		}
	}

	@Test
	void aRunLeftRunningWhileNoImportHoldsTheLockIsInterruptedAndImportedAgainAtOnce() {
		FeedImporter importer = importerOf("real/serial_simplecast_40items.rss");
		importer.importNow();
		long killed = runLeftRunning();

		Optional<ImportRun> next = importer.importIfDue();

		assertThat(next).as("imported again, though the last import started within the refresh interval")
			.hasValueSatisfying((run) -> assertThat(run.getStatus()).isEqualTo(ImportStatus.UNCHANGED));
		assertThat(this.jdbc
			.queryForMap("SELECT status, error_notice ->> 'code' AS error_code FROM import_run WHERE id = ?", killed))
			.containsEntry("status", "FAILED")
			.containsEntry("error_code", "import.interrupted");
		assertThat(importer.backoff().failures()).as("the retry succeeded").isZero();
	}

	@Test
	void anImportInterruptedAgainWaitsLikeAFailure() {
		FeedImporter importer = importerOf("real/serial_simplecast_40items.rss");
		importer.importNow();
		// The last import was itself the retry of an interrupted one.
		this.jdbc.update("UPDATE feed_state SET consecutive_failures = 1");
		long killed = runLeftRunning();

		assertThat(importer.importIfDue()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT status FROM import_run WHERE id = ?", String.class, killed))
			.isEqualTo("FAILED");
		ImportBackoff backoff = importer.backoff();
		assertThat(backoff.failures()).isEqualTo(2);
		assertThat(backoff.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
	}

	@Test
	void theHostsImportRecordsAnInterruptedRun() {
		FeedImporter importer = importerOf("real/serial_simplecast_40items.rss");
		long killed = runLeftRunning();

		assertThat(importer.importNow().getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(this.jdbc.queryForObject("SELECT status FROM import_run WHERE id = ?", String.class, killed))
			.isEqualTo("FAILED");
	}

	private FeedImporter importerOf(String feed) {
		return new ImporterHarness(this.context).importer(Fixtures.feed(feed).toUri());
	}

	/** The record of an import whose instance died a second ago. */
	private long runLeftRunning() {
		return this.jdbc.queryForObject(
				"INSERT INTO import_run (feed_url, started_at, status) VALUES (?, ?, 'RUNNING') RETURNING id",
				Long.class, "file:elsewhere.xml", Timestamp.from(Instant.now().minusSeconds(1)));
	}

	private static ConfigurableApplicationContext startSiteHere(Path feed) {
		return new SpringApplicationBuilder(PodsiteApplication.class).web(WebApplicationType.NONE)
			.run("--podsite.feed.schedule=true", "--podsite.feed.refresh=PT15M", "--podsite.feed.url=" + feed.toUri());
	}

	private Map<String, Object> awaitPausedImport(Process site, Path log) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (true) {
			List<Map<String, Object>> paused = this.jdbc.queryForList(
					"SELECT pid, backend_xid IS NOT NULL AS writing FROM pg_stat_activity"
							+ " WHERE application_name = ? AND wait_event_type = 'Lock' AND wait_event = 'advisory'",
					CHILD);
			if (!paused.isEmpty()) {
				return paused.get(0);
			}
			if (!site.isAlive() || Instant.now().isAfter(deadline)) {
				fail("The site did not reach the pause in its import; its log:%n%s", ChildSite.tail(log));
			}
			Thread.sleep(50);
		}
	}

	/**
	 * Makes the import's write transaction wait, half-way through the episodes, at a gate
	 * the test holds closed (an advisory lock).
	 */
	private void pauseImportsHalfWay() {
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION pause_import() RETURNS trigger AS $$
				BEGIN PERFORM pg_advisory_xact_lock_shared(%d); RETURN NEW; END $$ LANGUAGE plpgsql""".formatted(GATE));
		this.jdbc.execute("CREATE TRIGGER pause_import AFTER INSERT OR UPDATE ON episode FOR EACH ROW"
				+ " WHEN (NEW.guid = 'large-300') EXECUTE FUNCTION pause_import()");
	}

	private static void awaitLine(Process site, Path log, String line) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!Files.readString(log).contains(line)) {
			if (!site.isAlive() || Instant.now().isAfter(deadline)) {
				fail("The site did not log \"%s\"; its log:%n%s", line, ChildSite.tail(log));
			}
			Thread.sleep(50);
		}
	}

	private void awaitNoConnectionsOfTheKilledSite() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (this.jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?",
				Integer.class, CHILD) > 0) {
			assertThat(Instant.now()).as("PostgreSQL ends the killed site's sessions").isBefore(deadline);
			Thread.sleep(50);
		}
	}

	private static ImportRun awaitRunAfter(ImportRunRepository runs, long id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			Optional<ImportRun> last = runs.findFirstByOrderByStartedAtDesc()
				.filter((run) -> run.getId() > id && run.getStatus() != ImportStatus.RUNNING);
			if (last.isPresent()) {
				return last.get();
			}
			assertThat(Instant.now()).as("the restarted site imports").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private boolean tryImportLock() {
		// The connection closes after the statement, and a lock it took with it.
		return this.jdbc.queryForObject("SELECT pg_try_advisory_lock(?)", Boolean.class, FeedImporter.IMPORT_LOCK);
	}

	/** Every row of the site's tables, as a digest per table. */
	private Map<String, String> contents() {
		Map<String, String> contents = new TreeMap<>();
		for (String table : SITE_TABLES) {
			contents.put(table,
					this.jdbc.queryForObject("SELECT count(*) || ' rows, ' || coalesce(md5(string_agg(t::text,"
							+ " '|' ORDER BY t::text)), '-') FROM " + table + " t", String.class));
		}
		return contents;
	}

}
