package dev.podsite.feedimport;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dev.podsite.episode.EpisodeCatalog;
import dev.podsite.episode.EpisodeSummary;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.MutableClock;
import dev.podsite.support.Pages;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class FeedImporterTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	private static final MutableClock CLOCK = new MutableClock();

	@TestBean
	private Clock clock;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EpisodeCatalog catalog;

	@TempDir
	private Path dir;

	private ImporterHarness harness;

	private Pages pages;

	static Clock clock() {
		return CLOCK;
	}

	@BeforeEach
	void emptySite() {
		this.pages = new Pages(this.mvc);
		CLOCK.reset();
		Database.clear(this.jdbc);
		this.harness = new ImporterHarness(this.context);
	}

	@AfterEach
	void dropTriggers() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS refuse_boom ON episode");
		this.jdbc.execute("DROP TRIGGER IF EXISTS refuse_show ON show");
	}

	@Test
	void importsAWholeRealFeed() {
		ImportRun run = this.harness.importFrom(Fixtures.feed("real/serial_simplecast_40items.rss"));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getNewCount()).isEqualTo(40);
		assertThat(count("episode")).isEqualTo(40);
		assertThat(this.jdbc.queryForObject("SELECT title FROM show", String.class)).isEqualTo("Serial");
		assertThat(run.getFinishedAt()).isNotNull();
	}

	@Test
	void theShowsOwnPeopleComeWithItsImportAndAnUnchangedFeedLeavesThem() throws Exception {
		Path feed = this.dir.resolve("feed.xml");
		Files.copy(Fixtures.feed("real/mike-neumann-show_sovereign-feeds.xml"), feed);
		this.harness.importFrom(feed);
		assertThat(this.jdbc.queryForList("SELECT p.slug || ' ' || sp.role || ' ' || sp.href FROM show_person sp"
				+ " JOIN person p ON p.id = sp.person_id ORDER BY sp.position", String.class))
			.containsExactly("mike-neumann host https://mikeneumann.net");
		List<String> people = this.jdbc.queryForList("SELECT id || ' ' || slug FROM person ORDER BY id", String.class);
		assertThat(people).hasSizeGreaterThan(1);
		long version = dataVersion();

		Files.writeString(feed, "<!-- fetched again -->\n", StandardOpenOption.APPEND);
		assertThat(this.harness.importFrom(feed).getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(dataVersion()).as("no change announced").isEqualTo(version);
		assertThat(this.jdbc.queryForList("SELECT id || ' ' || slug FROM person ORDER BY id", String.class))
			.isEqualTo(people);
		assertThat(count("show_person")).isEqualTo(1);
	}

	@Test
	void importingTheSameFeedTwiceChangesNothing() throws Exception {
		Path feed = this.dir.resolve("feed.xml");
		Files.copy(Fixtures.feed("real/launched_fireside_podcasting20.xml"), feed);
		ImportRun first = this.harness.importFrom(feed);
		List<String> before = episodeRows();
		long version = dataVersion();

		ImportRun same = this.harness.importFrom(feed);
		assertThat(same.getStatus()).as("the same bytes are not even parsed").isEqualTo(ImportStatus.UNCHANGED);
		assertThat(same.getNote()).contains("byte for byte");
		assertThat(episodeRows()).isEqualTo(before);

		// The same feed in other bytes (a comment, as a new lastBuildDate would do).
		Files.writeString(feed, "<!-- fetched again -->\n", StandardOpenOption.APPEND);
		ImportRun second = this.harness.importFrom(feed);
		assertThat(second.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(second.getNewCount()).isZero();
		assertThat(second.getUpdatedCount()).isZero();
		assertThat(second.getHiddenCount()).isZero();
		assertThat(second.getUnchangedCount()).isEqualTo(first.getNewCount()).isEqualTo(36);
		assertThat(episodeRows()).isEqualTo(before);
		assertThat(dataVersion()).as("no change announced: caches stay").isEqualTo(version);
		assertThat(count("episode_person")).isEqualTo(36);
	}

	@Test
	void anItemThatLeavesTheFeedIsHiddenAndKeptAndComesBack() {
		Path feed = this.dir.resolve("feed.xml");
		String one = item("1", "One", DATE, "");
		String two = item("2", "Two", DATE, "");
		this.harness.importXml(feed, rss("", one, two));
		ImportRun without = this.harness.importXml(feed, rss("", one));
		assertThat(without.getHiddenCount()).isEqualTo(1);
		assertThat(count("episode")).isEqualTo(2);
		assertThat(this.catalog.page(0).getContent()).extracting(EpisodeSummary::title).containsExactly("One");
		assertThat(this.catalog.find("two")).isEmpty();

		ImportRun back = this.harness.importXml(feed, rss("", one, two));
		assertThat(back.getUpdatedCount()).isEqualTo(1);
		assertThat(this.catalog.find("two")).isPresent();
	}

	@Test
	void renamingAnEpisodeKeepsItsUrl() {
		Path feed = this.dir.resolve("feed.xml");
		this.harness.importXml(feed, rss("", item("1", "Old title", DATE, "")));
		ImportRun renamed = this.harness.importXml(feed, rss("", item("1", "New title", DATE, "")));
		assertThat(renamed.getUpdatedCount()).isEqualTo(1);
		assertThat(this.catalog.find("old-title")).get()
			.satisfies((page) -> assertThat(page.episode().getTitle()).isEqualTo("New title"));
		assertThat(this.catalog.find("new-title")).isEmpty();
	}

	@Test
	void episodesWithTheSameTitleGetDistinctSlugs() {
		this.harness.importXml(this.dir.resolve("feed.xml"),
				rss("", item("1", "Q&amp;A", DATE, ""), item("2", "Q&amp;A", DATE, "")));
		assertThat(this.jdbc.queryForList("SELECT slug FROM episode ORDER BY slug", String.class))
			.containsExactly("q-and-a", "q-and-a-2");
	}

	@Test
	void futureEpisodesAreStoredAndBecomePublicOnTheirDate() throws Exception {
		String tomorrow = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(CLOCK.instant().plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
		this.harness.importXml(this.dir.resolve("feed.xml"),
				rss("", item("1", "Tomorrow", tomorrow, ""), item("2", "Yesterday", DATE, "")));
		assertThat(count("episode")).isEqualTo(2);
		assertThat(listedTitles()).containsExactly("Yesterday");
		this.mvc.perform(get("/episodes/tomorrow")).andExpect(status().isNotFound());
		assertThat(this.pages.page("/episodes/yesterday").select("a[rel=next]")).isEmpty();

		CLOCK.advance(Duration.ofDays(2));
		assertThat(listedTitles()).containsExactly("Tomorrow", "Yesterday");
		Document tomorrowsPage = this.pages.page("/episodes/tomorrow");
		assertThat(tomorrowsPage.select("h1").text()).isEqualTo("Tomorrow");
		assertThat(tomorrowsPage.select("a[rel=prev]").attr("href")).isEqualTo("/episodes/yesterday");
		assertThat(this.pages.page("/episodes/yesterday").select("a[rel=next]").attr("href"))
			.isEqualTo("/episodes/tomorrow");
	}

	@Test
	void aLoneUndatedItemIsUnchangedWhenTheSameFeedIsImportedAgain() {
		// A system clock can tell nanoseconds; PostgreSQL keeps microseconds.
		CLOCK.set(Instant.parse("2024-05-01T10:00:00.123456789Z"));
		Path feed = this.dir.resolve("feed.xml");
		String xml = rss("", item("1", "Undated", null, ""));
		assertThat(this.harness.importXml(feed, xml).getNewCount()).isEqualTo(1);
		CLOCK.advance(Duration.ofMinutes(15));
		ImportRun again = this.harness.importXml(feed, xml + "<!-- fetched again -->");
		assertThat(again.getUpdatedCount()).isZero();
		assertThat(again.getUnchangedCount()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT published_at FROM episode", Timestamp.class).toInstant())
			.isEqualTo(Instant.parse("2024-05-01T10:00:00.123456Z"));
	}

	@Test
	void aFeedWithoutItemsFailsAndHidesNothingWhileEpisodesArePublished() throws Exception {
		Path feed = this.dir.resolve("feed.xml");
		this.harness.importXml(feed, rss("", item("1", "One", DATE, ""), item("2", "Two", DATE, "")));
		List<String> before = episodeRows();

		ImportRun empty = this.harness.importXml(feed, rss("").replace("Test Show", "Renamed Show"));
		assertThat(empty.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(empty.getErrorMessage()).isEqualTo("The feed lists no episodes while 2 are published; nothing was"
				+ " hidden, as this is more likely a fault of the feed's host.");
		assertThat(episodeRows()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT title FROM show", String.class)).isEqualTo("Test Show");
		assertThat(listedTitles()).containsExactlyInAnyOrder("One", "Two");
	}

	@Test
	void aShowWithoutEpisodesImportsAFeedWithoutItems() {
		ImportRun run = this.harness.importXml(this.dir.resolve("feed.xml"), rss(""));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(this.jdbc.queryForObject("SELECT title FROM show", String.class)).isEqualTo("Test Show");
		assertThat(this.harness.importXml(this.dir.resolve("feed.xml"), rss("") + "<!-- again -->").getStatus())
			.isEqualTo(ImportStatus.SUCCEEDED);
	}

	@Test
	void aDemoImportThatFailsInTheDatabaseIsRecordedAsFailed() {
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION refuse_show() RETURNS trigger AS $$
				BEGIN RAISE EXCEPTION 'show refused'; END $$ LANGUAGE plpgsql""");
		this.jdbc
			.execute("CREATE TRIGGER refuse_show BEFORE INSERT ON show FOR EACH ROW EXECUTE FUNCTION refuse_show()");

		ImportRun failed = this.harness.importFrom(this.dir.resolve("missing.xml"));
		assertThat(failed.getStatus()).isEqualTo(ImportStatus.FAILED);
		List<Map<String, Object>> runs = this.jdbc
			.queryForList("SELECT demo, status, error_notice ->> 'code' AS error_code,"
					+ " error_notice -> 'args' ->> 0 AS error_detail FROM import_run ORDER BY id");
		assertThat(runs).extracting((run) -> run.get("demo") + " " + run.get("status"))
			.containsExactly("false FAILED", "true FAILED");
		assertThat(runs.get(1).get("error_code")).isEqualTo("import.demoFailed");
		assertThat((String) runs.get(1).get("error_detail")).contains("show refused");
	}

	@Test
	void anImportThatRunsOutOfMemoryIsRecordedAsFailedAndTheDemoStillComes() {
		ImportRun run = importThrowing(new OutOfMemoryError("Java heap space"));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(run.getErrorMessage()).isEqualTo("The import ran out of memory (Java heap space): the feed is too"
				+ " large for the memory the site has. Nothing was changed. Lower podsite.feed.max-items or"
				+ " podsite.feed.max-elements, or give the site more memory.");
		assertThat(this.jdbc.queryForList("SELECT demo || ' ' || status FROM import_run ORDER BY id", String.class))
			.containsExactly("false FAILED", "true SUCCEEDED");
	}

	@Test
	void anImportThatOverflowsTheStackIsRecordedAsFailedAndTheNextOneWorks() {
		ImportRun run = importThrowing(new StackOverflowError());
		assertThat(run.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(run.getErrorMessage()).isEqualTo("The import ran out of stack (StackOverflowError), most likely on"
				+ " a part of the feed nested too deeply. Nothing was changed.");
		assertThat(this.jdbc.queryForObject("SELECT status FROM import_run WHERE id = ?", String.class, run.getId()))
			.isEqualTo("FAILED");
		assertThat(
				this.harness.importXml(this.dir.resolve("feed.xml"), rss("", item("1", "One", DATE, ""))).getStatus())
			.isEqualTo(ImportStatus.SUCCEEDED);
	}

	@Test
	void aBrokenFeedFailsWithAReasonAndChangesNothing() {
		Path feed = this.dir.resolve("feed.xml");
		this.harness.importXml(feed, rss("", item("1", "One", DATE, "")));
		List<String> before = episodeRows();

		ImportRun broken = this.harness.importXml(feed, "<?xml version=\"1.0\"?>\n<rss><channel><title>x</rss>");
		assertThat(broken.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(broken.getErrorMessage()).contains("not valid XML at line 2");
		assertThat(episodeRows()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT status FROM import_run WHERE id = ?", String.class, broken.getId()))
			.isEqualTo("FAILED");
	}

	@Test
	void anImportCommitsWholeOrNotAtAll() {
		Path feed = this.dir.resolve("feed.xml");
		this.harness.importXml(feed, rss("", item("1", "One", DATE, "")));
		List<String> before = episodeRows();
		// The database refuses the last item, after the others were written in the same
		// transaction.
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION refuse_boom() RETURNS trigger AS $$
				BEGIN IF NEW.title = 'Boom' THEN RAISE EXCEPTION 'boom refused'; END IF; RETURN NEW; END $$
				LANGUAGE plpgsql""");
		this.jdbc.execute("CREATE TRIGGER refuse_boom BEFORE INSERT OR UPDATE ON episode"
				+ " FOR EACH ROW EXECUTE FUNCTION refuse_boom()");

		ImportRun run = this.harness.importXml(feed,
				rss("", item("1", "One renamed", DATE, ""), item("2", "Two", DATE, ""), item("3", "Boom", DATE, "")));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(run.getErrorMessage()).contains("nothing was changed");
		assertThat(episodeRows()).isEqualTo(before);
	}

	@Test
	void anUnreachableFeedOnAnEmptySiteShowsTheDemoUntilTheRealFeedImports() {
		ImportRun failed = this.harness.importFrom(this.dir.resolve("missing.xml"));
		assertThat(failed.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(failed.getErrorMessage()).contains("does not exist");
		assertThat(this.jdbc.queryForObject("SELECT demo FROM show", Boolean.class)).isTrue();
		int demoEpisodes = count("episode");
		assertThat(demoEpisodes).isGreaterThanOrEqualTo(51);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM import_run WHERE demo AND status = 'SUCCEEDED'",
				Integer.class))
			.isEqualTo(1);

		// A later failure leaves the demo alone; the real feed then replaces it entirely.
		this.harness.importFrom(this.dir.resolve("missing.xml"));
		assertThat(count("episode")).isEqualTo(demoEpisodes);
		ImportRun real = this.harness.importXml(this.dir.resolve("feed.xml"), rss("", item("1", "Real", DATE, "")));
		assertThat(real.getNewCount()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT demo FROM show", Boolean.class)).isFalse();
		assertThat(this.jdbc.queryForList("SELECT title FROM episode", String.class)).containsExactly("Real");
	}

	@Test
	void aFailureAfterARealImportKeepsTheRealEpisodesAndNoDemo() {
		this.harness.importXml(this.dir.resolve("feed.xml"), rss("", item("1", "Real", DATE, "")));
		this.harness.importFrom(this.dir.resolve("missing.xml"));
		assertThat(this.jdbc.queryForList("SELECT title FROM episode", String.class)).containsExactly("Real");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM import_run WHERE demo", Integer.class)).isZero();
	}

	@Test
	void importsAThousandsOfEpisodesFeedWhole() {
		Path feed = LargeFeed.write(this.dir.resolve("large.xml"), 2000);
		ImportRun run = this.harness.importFrom(feed);
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getNewCount()).isEqualTo(2000);
		assertThat(count("episode")).isEqualTo(2000);
		assertThat(this.catalog.page(99).getContent()).hasSize(20);
		assertThat(this.catalog.page(100).getContent()).isEmpty();
	}

	private List<String> listedTitles() throws Exception {
		return this.pages.page("/episodes").select("ol.episode-list h2 a").eachText();
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

	private long dataVersion() {
		return this.jdbc.queryForObject("SELECT version FROM data_version", Long.class);
	}

	/** Every column of every episode, as text (arrays and JSON compare by value). */
	/** An import whose fetch ends with {@code error}, as a fetch or a parse may. */
	private ImportRun importThrowing(Error error) {
		FeedImportProperties properties = ImporterHarness.properties(this.dir.resolve("feed.xml").toUri());
		FeedFetcher failing = new FeedFetcher(properties, "https://podcast.example", Duration.ofSeconds(1),
				Duration.ofSeconds(1)) {

			@Override
			FetchedFeed fetch(URI url, FeedState.@Nullable Validators validators, ImportBudget budget) {
				throw error;
			}

		};
		return this.harness.importer(properties, failing).importNow();
	}

	private List<String> episodeRows() {
		return this.jdbc.queryForList("SELECT to_jsonb(e)::text FROM episode e ORDER BY id", String.class);
	}

}
