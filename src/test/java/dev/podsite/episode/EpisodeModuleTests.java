package dev.podsite.episode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.podsite.support.Database;
import dev.podsite.support.MutableClock;
import dev.podsite.support.TestEpisodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The episode module alone, on a real PostgreSQL: the import's writes and the host's
 * share the episodes by the rule of {@link Overrides}, and every change is announced.
 */
@ApplicationModuleTest
class EpisodeModuleTests {

	private static final Instant DAY = Instant.parse("2024-01-01T10:00:00Z");

	@Autowired
	private FeedEpisodes imports;

	@Autowired
	private EpisodeEditor editor;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	private long showId;

	@BeforeEach
	void aShow() {
		Database.clear(this.jdbc);
		this.showId = this.jdbc.queryForObject("INSERT INTO show (feed_url, title) VALUES (?, ?) RETURNING id",
				Long.class, "https://feeds.example/show.xml", "Show");
	}

	@Test
	void anImportAddsUpdatesKeepsAndHidesAndAnnouncesOnlyWhatChanged(AssertablePublishedEvents events) {
		FeedEpisodes.Stored first = store(item("a", "Same title", 60), item("b", "Same title", 60));
		assertThat(first).isEqualTo(new FeedEpisodes.Stored(2, 0, 0, 0, List.of()));
		assertThat(slugs()).containsExactly("same-title", "same-title-2");
		assertThat(events.ofType(EpisodesChanged.class)).hasSize(1);

		FeedEpisodes.Stored second = store(item("a", "Renamed", 60));
		assertThat(second).isEqualTo(new FeedEpisodes.Stored(0, 1, 0, 1, List.of()));
		assertThat(row("a")).containsEntry("title", "Renamed").containsEntry("slug", "same-title");
		assertThat(row("b")).containsEntry("hidden", true);

		FeedEpisodes.Stored third = store(item("a", "Renamed", 60));
		assertThat(third).isEqualTo(new FeedEpisodes.Stored(0, 0, 1, 0, List.of()));
		assertThat(events.ofType(EpisodesChanged.class)).hasSize(2);
	}

	@Test
	void anItemThatComesBackIsOnTheSiteAgain() {
		store(item("a", "A", 60), item("b", "B", 60));
		store(item("a", "A", 60));
		assertThat(store(item("a", "A", 60), item("b", "B", 60)).updated()).isEqualTo(1);
		assertThat(row("b")).containsEntry("hidden", false);
	}

	@Test
	void anUndatedItemKeepsTheDateItWasFirstStoredWith() {
		ImportedEpisode undated = new ImportedEpisode("u", "u", false, null, null, new EpisodeContent("Undated",
				EpisodeNotes.NONE, null, null, null, null, null, null, null, null, null, null, List.of(), List.of()));
		store(undated);
		Object firstDate = row("u").get("published_at");
		assertThat(store(undated).unchanged()).isEqualTo(1);
		assertThat(row("u")).containsEntry("published_at", firstDate);
	}

	@Test
	void theHostsFieldsSurviveAnImportAndGoBackToTheFeedOnRevert() {
		store(item("a", "From the feed", 60));
		long id = id("a");
		Episode opened = this.editor.find(id).orElseThrow();
		this.editor.update(id, opened.getVersion(), edit(opened, "The host's title", "Host's *notes*"),
				Set.of(HostField.TITLE, HostField.NOTES));
		assertThat(this.editor.find(id).orElseThrow().getOverrides()).containsExactlyInAnyOrder("title", "notes");

		store(item("a", "Renamed in the feed", 120));
		Episode afterImport = this.editor.find(id).orElseThrow();
		assertThat(afterImport.getTitle()).isEqualTo("The host's title");
		assertThat(afterImport.getNotesMarkdown()).isEqualTo("Host's *notes*");
		assertThat(afterImport.getDurationSeconds()).as("not the host's: the feed's new value").isEqualTo(120);

		this.editor.revert(id, HostField.TITLE);
		this.editor.revert(id, HostField.NOTES);
		Episode reverted = this.editor.find(id).orElseThrow();
		assertThat(reverted.getTitle()).isEqualTo("Renamed in the feed");
		assertThat(reverted.getNotesMarkdown()).isNull();
		assertThat(reverted.getNotesHtml()).contains("rust-lang.org");
		assertThat(linkCount(id)).isEqualTo(1);
		assertThat(reverted.getOverrides()).isEmpty();
	}

	@Test
	void aSaveFromAFormOpenedBeforeAnotherSaveIsRefused() {
		store(item("a", "From the feed", 60));
		long id = id("a");
		Episode opened = this.editor.find(id).orElseThrow();
		this.editor.update(id, opened.getVersion(), edit(opened, "First save", null), Set.of(HostField.TITLE));
		assertThatExceptionOfType(EpisodeEditor.EditConflict.class).isThrownBy(() -> this.editor.update(id,
				opened.getVersion(), edit(opened, "Second save", null), Set.of(HostField.TITLE)));
		assertThat(this.editor.find(id).orElseThrow().getTitle()).isEqualTo("First save");
	}

	@Test
	void theHostsOwnEpisodesGetAFreeSlugAndNoOverrides(AssertablePublishedEvents events) {
		store(item("a", "Rust at scale", 60));
		EpisodeEdit edit = new EpisodeEdit("Rust at scale", "See https://tokio.rs", null, null, null, 90, DAY, null,
				null, EpisodeType.BONUS, false, null, EpisodeStatus.DRAFT);
		Episode created = this.editor.create(this.showId, edit);
		assertThat(created.getSlug()).isEqualTo("rust-at-scale-2");
		assertThat(created.isImported()).isFalse();
		assertThat(created.getEpisodeType()).isEqualTo(EpisodeType.BONUS);
		assertThat(linkCount(created.getId())).isEqualTo(1);

		this.editor.update(created.getId(), created.getVersion(), edit, Set.of(HostField.TITLE));
		assertThat(this.editor.find(created.getId()).orElseThrow().getOverrides()).isEmpty();
		assertThat(events.ofType(EpisodesChanged.class)).hasSize(3);
	}

	@Test
	void anEpisodeTheHostKeptStaysWhenItLeavesTheFeedAgain() {
		store(item("a", "A", 60), item("b", "B", 60));
		store(item("a", "A", 60));
		this.editor.keepOnSite(id("b"));
		assertThat(store(item("a", "A", 60)).hidden()).isZero();
		assertThat(row("b")).containsEntry("hidden", false);
		assertThat(this.editor.leftTheFeed()).isEmpty();
	}

	@Test
	void deletingCanBeUndoneAndTheDemoGoesWithTheFeedsEpisodesOnly() {
		store(item("a", "A", 60));
		Episode hosts = this.editor.create(this.showId, new EpisodeEdit("Mine", null, null, null, null, null, DAY, null,
				null, null, false, null, EpisodeStatus.PUBLISHED));
		this.editor.delete(id("a"));
		assertThat(row("a").get("deleted_at")).isNotNull();
		assertThat(this.imports.countListed()).isEqualTo(1);
		this.editor.undelete(id("a"));
		assertThat(this.imports.countListed()).isEqualTo(2);

		int removed = this.transactions.execute((status) -> this.imports.removeAll(this.showId));
		assertThat(removed).isEqualTo(1);
		assertThat(this.editor.find(hosts.getId())).isPresent();
	}

	@Test
	void aSlugIsTakenByAnyOtherEpisode() {
		store(item("a", "Rust at scale", 60));
		assertThat(this.editor.slugTaken("rust-at-scale", null)).isTrue();
		assertThat(this.editor.slugTaken("rust-at-scale", id("a"))).as("its own").isFalse();
		assertThat(this.editor.slugTaken("free", null)).isFalse();
	}

	@Test
	void thePreviewIsTheNotesAsThePageShowsThem() {
		String preview = this.editor.preview("Some **bold** text <script>alert(1)</script> [a](/about)");
		assertThat(preview).contains("<strong>bold</strong>", "href=\"https://podcast.example/about\"")
			.doesNotContain("<script");
	}

	private FeedEpisodes.Stored store(ImportedEpisode... items) {
		return this.transactions.execute((status) -> this.imports.store(this.showId, List.of(items), Instant.now()));
	}

	private static ImportedEpisode item(String guid, String title, int seconds) {
		return TestEpisodes.episode(guid, title, DAY)
			.notes("<p>About <a href=\"https://rust-lang.org\">Rust</a>.</p>")
			.audio("https://cdn.example/" + guid + ".mp3", seconds)
			.build();
	}

	private static EpisodeEdit edit(Episode episode, String title, String notes) {
		return new EpisodeEdit(title, notes, episode.getAudioUrl(), episode.getAudioLength(), episode.getAudioType(),
				episode.getDurationSeconds(), episode.getPublishedAt(), episode.getSeason(), episode.getEpisodeNumber(),
				episode.getEpisodeType(), false, null, episode.getStatus());
	}

	private long id(String identity) {
		return this.jdbc.queryForObject("SELECT id FROM episode WHERE identity = ?", Long.class, identity);
	}

	private Map<String, Object> row(String identity) {
		return this.jdbc.queryForMap("SELECT * FROM episode WHERE identity = ?", identity);
	}

	private List<String> slugs() {
		return this.jdbc.queryForList("SELECT slug FROM episode ORDER BY id", String.class);
	}

	private int linkCount(long id) {
		return this.jdbc.queryForObject("SELECT count(*) FROM episode_link WHERE episode_id = ?", Integer.class, id);
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

}
