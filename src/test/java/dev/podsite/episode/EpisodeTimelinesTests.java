package dev.podsite.episode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.podsite.support.Database;
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

/**
 * Chapters and transcripts as the episode module stores them and the catalog reads them:
 * the item's own chapters with the item, a file's chapters and cues when the import read
 * them, and the file's chapters before the item's.
 */
@ApplicationModuleTest
class EpisodeTimelinesTests {

	private static final Instant DAY = Instant.parse("2024-01-01T10:00:00Z");

	private static final Chapter INTRO = new Chapter(0, null, "Intro", null, null, true);

	private static final Chapter TOPIC = new Chapter(62.5, null, "Topic", "https://show.example/topic",
			"https://show.example/topic.png", true);

	@Autowired
	private FeedEpisodes imports;

	@Autowired
	private EpisodeTimelines timelines;

	@Autowired
	private EpisodeCatalog catalog;

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
	void theChaptersInsideAnItemAreStoredWithIt() {
		store(TestEpisodes.episode("a", "A", DAY).simpleChapters(INTRO, TOPIC).build());
		assertThat(timeline("a")).isEqualTo(new Timeline(List.of(INTRO, TOPIC), List.of()));

		store(TestEpisodes.episode("a", "A", DAY).simpleChapters(TOPIC).build());
		assertThat(timeline("a").chapters()).containsExactly(TOPIC);

		store(TestEpisodes.episode("a", "A", DAY).build());
		assertThat(timeline("a")).isSameAs(Timeline.EMPTY);
	}

	@Test
	void anItemWithoutChaptersKeepsTheContentHashItWasStoredWith() {
		ImportedEpisode item = TestEpisodes.episode("a", "A", DAY).build();
		ImportedEpisode withoutTheList = new ImportedEpisode(item.identity(), item.guid(), item.guidPermalink(),
				item.link(), item.imageUrl(), item.content());
		assertThat(item.contentHash()).isEqualTo(withoutTheList.contentHash());
		assertThat(TestEpisodes.episode("a", "A", DAY).simpleChapters(INTRO).build().contentHash())
			.isNotEqualTo(item.contentHash());
	}

	@Test
	void aFilesChaptersComeBeforeTheItemsAndTheItemsComeBackWhenTheFileGoes(AssertablePublishedEvents events) {
		store(TestEpisodes.episode("a", "A", DAY)
			.simpleChapters(INTRO)
			.chapters("https://files.example/a.json")
			.build());
		long id = id("a");
		Chapter fromFile = new Chapter(10, 20.0, "From the file", null, null, false);
		inTransaction(() -> this.timelines.storeChapters(List.of(id),
				new TimelineFiles.Stored("https://files.example/a.json", "h1"), List.of(fromFile), DAY));
		assertThat(timeline("a").chapters()).containsExactly(fromFile);
		assertThat(events.ofType(EpisodesChanged.class)).hasSize(2);

		inTransaction(() -> this.timelines.removeFiles(List.of(id), List.of()));
		assertThat(timeline("a").chapters()).containsExactly(INTRO);
	}

	@Test
	void tellsTheImportWhichFilesEpisodesPointToAndWhichTheirDataCameFrom() {
		Transcript vtt = new Transcript("https://files.example/b.vtt", "text/vtt", "en", null);
		store(TestEpisodes.episode("a", "Older", DAY).chapters("https://files.example/a.json").build(),
				TestEpisodes.episode("b", "Newer", DAY.plusSeconds(60)).transcript(vtt).build(),
				TestEpisodes.episode("c", "Nothing", DAY).build());
		inTransaction(() -> this.timelines.storeTranscript(List.of(id("b")), new TimelineFiles.Stored(vtt.url(), "h2"),
				List.of(new TranscriptCue(0, 1.0, "Ann", "Hi")), DAY));

		assertThat(this.timelines.fileSources()).containsExactly(
				new TimelineFiles(id("b"), "Newer", null, null, List.of(vtt), null,
						new TimelineFiles.Stored(vtt.url(), "h2")),
				new TimelineFiles(id("a"), "Older", "https://files.example/a.json", "application/json+chapters",
						List.of(), null, null));
	}

	@Test
	void aTranscriptIsReplacedWholeAndReadInOrder() {
		store(TestEpisodes.episode("a", "A", DAY).build());
		long id = id("a");
		TimelineFiles.Stored file = new TimelineFiles.Stored("https://files.example/a.vtt", "h1");
		inTransaction(() -> this.timelines.storeTranscript(List.of(id), file,
				List.of(new TranscriptCue(0, 1.5, "Ann", "One"), new TranscriptCue(1.5, null, null, "Two")), DAY));
		inTransaction(() -> this.timelines.storeTranscript(List.of(id), file,
				List.of(new TranscriptCue(0.25, 1.0, "Bob", "Only <b>text</b>")), DAY));
		assertThat(timeline("a").cues()).containsExactly(new TranscriptCue(0.25, 1.0, "Bob", "Only <b>text</b>"));
	}

	@Test
	void storesAndReadsATwoHourTranscriptCheaply() {
		store(TestEpisodes.episode("a", "A", DAY).build());
		long id = id("a");
		List<TranscriptCue> cues = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			// Times to the millisecond, as the files' readers make them.
			cues.add(
					new TranscriptCue(i * 3_600 / 1000.0, (i * 3_600 + 3_500) / 1000.0, (i % 2 == 0) ? "Kevin" : "Dave",
							"This is sentence number " + i + " of a long conversation about Rust."));
		}
		TimelineFiles.Stored file = new TimelineFiles.Stored("https://files.example/a.vtt", "h");
		inTransaction(() -> this.timelines.storeTranscript(List.of(id), file, cues, DAY));
		timeline("a");

		long started = System.nanoTime();
		inTransaction(() -> this.timelines.storeTranscript(List.of(id), file, cues, DAY));
		long stored = System.nanoTime();
		Timeline read = timeline("a");
		long done = System.nanoTime();
		System.out.printf("2,000 cues: stored in %d ms, the episode with its timeline read in %d ms%n",
				(stored - started) / 1_000_000, (done - stored) / 1_000_000);
		assertThat(read.cues()).isEqualTo(cues);
		assertThat((stored - started) / 1_000_000).as("ms to store").isLessThan(2_000);
		assertThat((done - stored) / 1_000_000).as("ms to read").isLessThan(2_000);
	}

	private Timeline timeline(String slug) {
		return this.catalog.find(slug).orElseThrow().timeline();
	}

	private long id(String guid) {
		return this.jdbc.queryForObject("SELECT id FROM episode WHERE identity = ?", Long.class, guid);
	}

	private void store(ImportedEpisode... items) {
		this.transactions.executeWithoutResult((status) -> this.imports.store(this.showId, List.of(items), DAY));
	}

	private void inTransaction(Runnable work) {
		this.transactions.executeWithoutResult((status) -> work.run());
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		Clock clock() {
			// Catalog reads see the episodes of DAY.
			return Clock.fixed(DAY.plusSeconds(3600), ZoneOffset.UTC);
		}

	}

}
