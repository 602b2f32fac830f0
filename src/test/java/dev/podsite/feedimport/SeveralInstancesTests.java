package dev.podsite.feedimport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.podsite.PodsiteApplication;
import dev.podsite.feedpublish.PublishedFeeds;
import dev.podsite.episode.EpisodesChanged;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.SiteHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the site on one database, each with its schedule on: they import about
 * once per refresh interval between them, never back to back, without duplicates, and a
 * change made on either reaches the other's pages and feed within seconds, while nothing
 * is rendered again when nothing changed.
 */
class SeveralInstancesTests {

	private static final Duration REFRESH = Duration.ofSeconds(2);

	/** How long the test watches both schedules: five refresh intervals. */
	private static final Duration WATCH = REFRESH.multipliedBy(5);

	/** The longest a change may take to reach another instance (it polls every 2 s). */
	private static final Duration PROPAGATION = Duration.ofSeconds(5);

	@TempDir
	private Path dir;

	@Test
	void twoInstancesImportOncePerRefreshBetweenThemAndSeeEachOthersChanges() throws Exception {
		JdbcTemplate jdbc = Database.migrated();
		Database.clear(jdbc);
		Path feed = Files.copy(Fixtures.feed("real/serial_simplecast_40items.rss"), this.dir.resolve("feed.xml"));
		Instant before = Instant.now();
		try (ConfigurableApplicationContext a = start(feed); ConfigurableApplicationContext b = start(feed)) {
			SiteHttp siteA = new SiteHttp(port(a));
			SiteHttp siteB = new SiteHttp(port(b));
			awaitFeed(siteA, "Nice White Parents - Ep. 5");
			awaitFeed(siteB, "Nice White Parents - Ep. 5");
			Object renderedA = PublishedFeeds.current(a);
			Object renderedB = PublishedFeeds.current(b);

			Instant watchStart = Instant.now();
			Thread.sleep(WATCH.toMillis());
			Instant watchEnd = Instant.now();

			List<Instant> starts = Database.importStartsSince(jdbc, before);
			for (int i = 1; i < starts.size(); i++) {
				assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
					.as("time between two imports, on whichever instance")
					.isGreaterThanOrEqualTo(REFRESH.minusMillis(100));
			}
			long watched = starts.stream().filter((s) -> !s.isBefore(watchStart) && s.isBefore(watchEnd)).count();
			long intervals = WATCH.dividedBy(REFRESH);
			assertThat(watched).as("imports in %d refresh intervals, by both instances", intervals)
				.isBetween(intervals - 1, intervals + 1);
			assertThat(jdbc.queryForList("SELECT DISTINCT status FROM import_run", String.class))
				.as("no import was skipped or failed")
				.isSubsetOf("SUCCEEDED", "UNCHANGED", "RUNNING");
			assertNoDuplicates(jdbc);
			assertThat(jdbc.queryForObject("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
					+ " WHERE conname = 'episode_identity_unique'", String.class))
				.isEqualTo("UNIQUE (show_id, identity)");
			assertThat(PublishedFeeds.current(a)).as("A's feed, not rendered again").isSameAs(renderedA);
			assertThat(PublishedFeeds.current(b)).as("B's feed, not rendered again").isSameAs(renderedB);

			// The host renames an episode on A: A serves it at once, B within seconds.
			TransactionTemplate transactions = a.getBean(TransactionTemplate.class);
			transactions.executeWithoutResult((status) -> {
				a.getBean(JdbcTemplate.class)
					.update("UPDATE episode SET title = 'Renamed on A' WHERE title = 'Nice White Parents - Ep. 5'");
				a.publishEvent(new EpisodesChanged());
			});
			assertThat(feedOf(siteA)).contains("Renamed on A");
			assertThat(awaitFeed(siteB, "Renamed on A")).as("time until B serves A's change")
				.isLessThanOrEqualTo(PROPAGATION);

			// The source renames another: whichever instance imports it, both serve it.
			Files.writeString(feed, Files.readString(feed, StandardCharsets.UTF_8)
				.replace("Nice White Parents - Ep. 4", "Renamed in the feed"), StandardCharsets.UTF_8);
			awaitFeed(siteA, "Renamed in the feed");
			awaitFeed(siteB, "Renamed in the feed");

			// A stops, between two imports; B carries on importing alone.
			awaitImport(jdbc, Instant.now());
			Instant stopped = Instant.now();
			a.close();
			awaitImport(jdbc, stopped);
			assertNoDuplicates(jdbc);
		}
	}

	/** Exactly the feed's 40 items, each once. */
	private static void assertNoDuplicates(JdbcTemplate jdbc) {
		assertThat(jdbc.queryForMap(
				"SELECT count(*) AS episodes," + " count(DISTINCT (show_id, identity)) AS identities FROM episode"))
			.containsEntry("episodes", 40L)
			.containsEntry("identities", 40L);
	}

	private static ConfigurableApplicationContext start(Path feed) {
		return new SpringApplicationBuilder(PodsiteApplication.class).run("--server.port=0",
				"--podsite.feed.schedule=true", "--podsite.feed.refresh=" + REFRESH,
				"--podsite.feed.url=" + feed.toUri());
	}

	private static int port(ConfigurableApplicationContext site) {
		return site.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static String feedOf(SiteHttp site) {
		return new String(site.body("/feed.xml"), StandardCharsets.UTF_8);
	}

	/**
	 * Polls the site's feed until it contains {@code text}; answers how long that took.
	 */
	private static Duration awaitFeed(SiteHttp site, String text) throws InterruptedException {
		Instant start = Instant.now();
		Instant deadline = start.plus(REFRESH).plus(PROPAGATION).plusSeconds(5);
		while (true) {
			if (site.get("/feed.xml").statusCode() == 200 && feedOf(site).contains(text)) {
				return Duration.between(start, Instant.now());
			}
			assertThat(Instant.now()).as("%s serves a feed with \"%s\"", site.url("/feed.xml"), text)
				.isBefore(deadline);
			Thread.sleep(50);
		}
	}

	/** Waits for an import that started after {@code since} to finish. */
	private static void awaitImport(JdbcTemplate jdbc, Instant since) throws InterruptedException {
		Instant deadline = Instant.now().plus(REFRESH).plusSeconds(3);
		while (jdbc.queryForObject("SELECT count(*) FROM import_run WHERE started_at > ? AND finished_at IS NOT NULL",
				Integer.class, Timestamp.from(since)) == 0) {
			assertThat(Instant.now()).as("an import after %s", since).isBefore(deadline);
			Thread.sleep(50);
		}
	}

}
