package dev.podsite.episode;

import java.nio.charset.StandardCharsets;
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
import static org.assertj.core.api.Assertions.tuple;

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
	private EpisodeCatalog catalog;

	@Autowired
	private EpisodeTimelines timelines;

	@Autowired
	private People people;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	private long showId;

	@BeforeEach
	void aShow() {
		Database.clear(this.jdbc);
		this.showId = BareShow.insert(this.jdbc);
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
	void theHostsChaptersFileTranscriptAndPeopleSurviveAnImportAndGoBackToTheFeedOnRevert(
			AssertablePublishedEvents events) {
		store(withFiles(item("a", "A", 60), "https://feed.example/1"));
		long id = id("a");
		Episode opened = this.editor.find(id).orElseThrow();
		EpisodeEdit hosts = new EpisodeEdit(opened.getTitle(), null, opened.getAudioUrl(), opened.getAudioLength(),
				opened.getAudioType(), opened.getDurationSeconds(), opened.getPublishedAt(), null, null, null, false,
				null, opened.getStatus(), new ChaptersFile("https://host.example/chapters.json", null),
				List.of(new Transcript("https://host.example/words.srt", null, null, null)),
				List.of(new Person("Ferris Crab", "guest", null, null, "https://ferris.example"),
						new Person("Jane Feed", null, null, null, null)));
		this.editor.update(id, opened.getVersion(), hosts,
				Set.of(HostField.CHAPTERS_FILE, HostField.TRANSCRIPTS, HostField.PEOPLE));
		assertThat(events.ofType(PeopleChanged.class)).hasSize(1);
		assertThat(events.ofType(EpisodeFilesChanged.class).matching(EpisodeFilesChanged::episodeId, id)).hasSize(1);

		store(withFiles(item("a", "A", 60), "https://feed.example/2"));
		Episode afterImport = this.editor.find(id).orElseThrow();
		assertThat(afterImport.getChaptersUrl()).isEqualTo("https://host.example/chapters.json");
		assertThat(afterImport.getTranscripts())
			.containsExactly(new Transcript("https://host.example/words.srt", "application/x-subrip", null, null));
		assertThat(afterImport.getPersons()).extracting(Person::name).containsExactly("Ferris Crab", "Jane Feed");
		assertThat(afterImport.getPersons().get(1).imageUrl()).as("the picture of the feed's credit of that name")
			.isEqualTo("https://feed.example/jane.png");
		assertThat(this.people.ofEpisode(id)).extracting(PersonCredit::slug, PersonCredit::role)
			.containsExactly(tuple("ferris-crab", "guest"), tuple("jane-feed", "host"));

		for (HostField field : List.of(HostField.CHAPTERS_FILE, HostField.TRANSCRIPTS, HostField.PEOPLE)) {
			this.editor.revert(id, field);
		}
		Episode reverted = this.editor.find(id).orElseThrow();
		assertThat(reverted.getChaptersUrl()).isEqualTo("https://feed.example/2/chapters.json");
		assertThat(reverted.getChaptersType()).isEqualTo(ChaptersFile.JSON_CHAPTERS);
		assertThat(reverted.getTranscripts()).extracting(Transcript::url)
			.containsExactly("https://feed.example/2/a.vtt", "https://feed.example/2/a.json");
		assertThat(reverted.getPersons()).extracting(Person::name).containsExactly("Jane Feed", "Sam Feed");
		assertThat(this.people.ofEpisode(id)).extracting(PersonCredit::slug).containsExactly("jane-feed", "sam-feed");
		assertThat(reverted.getOverrides()).isEmpty();
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM episode_person WHERE person_id IS NULL", Integer.class))
			.isZero();
	}

	@Test
	void anUploadIsServedAtTheEpisodesAddressAndRemovingItGivesTheFeedsFileBack(AssertablePublishedEvents events) {
		store(withFiles(item("a", "Rust at scale", 60), "https://feed.example/1"));
		long id = id("a");
		byte[] vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello\n".getBytes(StandardCharsets.UTF_8);
		this.editor.upload(id,
				new EpisodeFile.Upload(EpisodeFile.Kind.TRANSCRIPT, TranscriptType.WEBVTT, "My words.vtt", vtt));
		String url = "https://podcast.example/episodes/rust-at-scale/transcript.vtt";
		assertThat(this.editor.find(id).orElseThrow().getTranscripts())
			.containsExactly(new Transcript(url, "text/vtt", null, null));
		assertThat(this.editor.files(id)).singleElement().satisfies((file) -> {
			assertThat(file.url()).isEqualTo(url);
			assertThat(file.uploadedName()).isEqualTo("My words.vtt");
			assertThat(file.size()).isEqualTo(vtt.length);
		});
		assertThat(events.ofType(EpisodeFilesChanged.class)).hasSize(1);

		store(withFiles(item("a", "Rust at scale", 60), "https://feed.example/2"));
		assertThat(this.catalog.file("rust-at-scale", "transcript.vtt")).hasValueSatisfying((file) -> {
			assertThat(file.bytes()).isEqualTo(vtt);
			assertThat(file.servedType()).isEqualTo("text/vtt;charset=UTF-8");
		});
		assertThat(this.timelines.uploaded(url)).isPresent();
		assertThat(this.timelines.uploaded("https://podcast.example/episodes/rust-at-scale/chapters.json")).isEmpty();
		assertThat(this.catalog.file("rust-at-scale", "transcript.srt")).isEmpty();

		// A new address moves the file with it.
		Episode opened = this.editor.find(id).orElseThrow();
		this.editor.update(id, opened.getVersion(),
				new EpisodeEdit(opened.getTitle(), null, opened.getAudioUrl(), opened.getAudioLength(),
						opened.getAudioType(), opened.getDurationSeconds(), opened.getPublishedAt(), null, null, null,
						false, "rust-at-scale-moved", opened.getStatus()),
				Set.of());
		String moved = "https://podcast.example/episodes/rust-at-scale-moved/transcript.vtt";
		assertThat(this.editor.find(id).orElseThrow().getTranscripts()).extracting(Transcript::url)
			.containsExactly(moved);
		assertThat(this.timelines.uploaded(moved)).isPresent();

		this.editor.removeUpload(id, EpisodeFile.Kind.TRANSCRIPT);
		assertThat(this.editor.find(id).orElseThrow().getTranscripts()).extracting(Transcript::url)
			.containsExactly("https://feed.example/2/a.vtt", "https://feed.example/2/a.json");
		assertThat(this.editor.files(id)).isEmpty();
		assertThat(this.catalog.file("rust-at-scale-moved", "transcript.vtt")).isEmpty();
		assertThat(this.editor.find(id).orElseThrow().getOverrides()).isEmpty();
	}

	@Test
	void aChaptersUploadOfTheHostsOwnEpisodeIsTheirsAndRemovingItLeavesNone() {
		Episode mine = this.editor.create(this.showId, new EpisodeEdit("Mine", null, null, null, null, null, DAY, null,
				null, null, false, null, EpisodeStatus.PUBLISHED));
		byte[] json = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Hi\"}]}"
			.getBytes(StandardCharsets.UTF_8);
		this.editor.upload(mine.getId(), new EpisodeFile.Upload(EpisodeFile.Kind.CHAPTERS, null, null, json));
		Episode uploaded = this.editor.find(mine.getId()).orElseThrow();
		assertThat(uploaded.getChaptersUrl()).isEqualTo("https://podcast.example/episodes/mine/chapters.json");
		assertThat(uploaded.getChaptersType()).isEqualTo(ChaptersFile.JSON_CHAPTERS);
		assertThat(uploaded.getOverrides()).isEmpty();
		assertThat(this.catalog.file("mine", "chapters.json")).isPresent();

		// Another address for the chapters: the upload goes with the field.
		this.editor.update(mine.getId(), uploaded.getVersion(),
				new EpisodeEdit("Mine", null, null, null, null, null, DAY, null, null, null, false, null,
						EpisodeStatus.PUBLISHED, new ChaptersFile("https://host.example/c.json", null), List.of(),
						List.of()),
				Set.of(HostField.CHAPTERS_FILE));
		assertThat(this.editor.files(mine.getId())).isEmpty();

		this.editor.upload(mine.getId(), new EpisodeFile.Upload(EpisodeFile.Kind.CHAPTERS, null, null, json));
		this.editor.removeUpload(mine.getId(), EpisodeFile.Kind.CHAPTERS);
		assertThat(this.editor.find(mine.getId()).orElseThrow().getChaptersUrl()).isNull();
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

	/** The item with a chapters file, two transcripts and two people, at {@code base}. */
	private static ImportedEpisode withFiles(ImportedEpisode item, String base) {
		EpisodeContent content = item.content();
		return new ImportedEpisode(item.identity(), item.guid(), item.guidPermalink(), item.link(), item.imageUrl(),
				new EpisodeContent(content.title(), content.notes(), content.audioUrl(), content.audioLength(),
						content.audioType(), content.duration(), content.publishedAt(), content.season(),
						content.episodeNumber(), content.episodeType(), content.explicit(),
						new ChaptersFile(base + "/chapters.json", ChaptersFile.JSON_CHAPTERS),
						List.of(new Transcript(base + "/a.vtt", "text/vtt", "en", null),
								new Transcript(base + "/a.json", "application/json", "en", null)),
						List.of(new Person("Jane Feed", "host", null, "https://feed.example/jane.png", null),
								new Person("Sam Feed", "guest", null, null, null))));
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
