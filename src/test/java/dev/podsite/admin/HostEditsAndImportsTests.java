package dev.podsite.admin;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeEditor;
import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImporterHarness;
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

/**
 * A host's edit and an import that change the same episode lose neither change, in either
 * order and when they run at the same moment.
 */
@SpringBootTest
class HostEditsAndImportsTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EpisodeEditor editor;

	@TempDir
	private Path dir;

	private long id;

	@BeforeEach
	void anImportedEpisode() {
		Database.clear(this.jdbc);
		importFeed("From the feed", 100);
		this.id = this.jdbc.queryForObject("SELECT id FROM episode", Long.class);
	}

	@AfterEach
	void dropTriggers() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS slow_import ON episode");
	}

	@Test
	void anImportBetweenOpeningAndSavingTheFormKeepsItsChange() {
		EpisodeForm form = openForm();
		importFeed("From the feed", 200);
		form.setTitle("The host's title");
		save(form);
		assertThat(row()).containsEntry("title", "The host's title").containsEntry("duration_seconds", 200);
	}

	@Test
	void anImportAfterTheHostsSaveKeepsTheHostsChange() {
		EpisodeForm form = openForm();
		form.setTitle("The host's title");
		save(form);
		importFeed("Renamed in the feed", 300);
		assertThat(row()).containsEntry("title", "The host's title").containsEntry("duration_seconds", 300);
	}

	@Test
	void aSaveDuringAnImportWaitsForItAndBothChangesStand() throws Exception {
		EpisodeForm form = openForm();
		form.setTitle("The host's title");
		// The import holds the episode's row for a while once it has written it.
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION slow_import() RETURNS trigger AS $$
				BEGIN PERFORM pg_sleep(1.5); RETURN NEW; END $$ LANGUAGE plpgsql""");
		this.jdbc.execute("CREATE TRIGGER slow_import AFTER UPDATE ON episode FOR EACH ROW"
				+ " WHEN (NEW.duration_seconds = 400) EXECUTE FUNCTION slow_import()");

		CompletableFuture<ImportRun> importing = CompletableFuture
			.supplyAsync(() -> importFeed("Renamed in the feed", 400));
		Thread.sleep(500);
		save(form);

		assertThat(importing.get(10, TimeUnit.SECONDS).getErrorMessage()).isNull();
		assertThat(row()).containsEntry("title", "The host's title").containsEntry("duration_seconds", 400);
	}

	private EpisodeForm openForm() {
		Episode episode = this.editor.find(this.id).orElseThrow();
		return EpisodeForm.of(episode, ZONE);
	}

	private void save(EpisodeForm form) {
		this.editor.update(this.id, form.getVersion(), form.toEdit(ZONE), form.changedFields());
	}

	private ImportRun importFeed(String title, int duration) {
		return new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"),
				rss("", item("1", title, DATE, "<itunes:duration>" + duration + "</itunes:duration>")));
	}

	private Map<String, Object> row() {
		return this.jdbc.queryForMap("SELECT title, duration_seconds FROM episode WHERE id = ?", this.id);
	}

}
