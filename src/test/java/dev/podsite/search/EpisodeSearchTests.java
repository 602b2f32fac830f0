package dev.podsite.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.podsite.episode.Chapter;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.Person;
import dev.podsite.episode.TranscriptCue;
import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search on real PostgreSQL: what matches, in which order, with which snippets and
 * moments, as V11's triggers keep the index.
 */
@SpringBootTest
class EpisodeSearchTests {

	private static final Instant DAY = Instant.parse("2024-03-01T10:00:00Z");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EpisodeSearch search;

	private SiteData site;

	@BeforeEach
	void emptySite() {
		Database.clear(this.jdbc);
		this.site = new SiteData(this.context);
	}

	@Test
	void aTitleHitRanksAboveAPeopleOrChapterHitAboveANotesHitAboveATranscriptHit() {
		// The newest first, so that the order found is the rank's, not the date's.
		this.site.store(TestEpisodes.show("Show"),
				List.of(episode("transcript", "Fourth", 1).build(),
						episode("notes", "Third", 2).notes("<p>We talk about ferris and friends.</p>").build(),
						episode("person", "Second", 3).person(guest("Ferris Crab")).build(),
						episode("title", "Ferris at work", 4).build()));
		storeTimeline("transcript", List.of(), List.of(new TranscriptCue(0, 4.0, null, "Hello."),
				new TranscriptCue(95, 99.0, null, "Ferris says hi.")));
		assertThat(slugs("ferris")).containsExactly("title", "person", "notes", "transcript");
	}

	@Test
	void phrasesExclusionsAndOr() {
		this.site.store(TestEpisodes.show("Show"),
				List.of(episode("a", "Memory safety in practice", 1).build(),
						episode("b", "Safety of memory allocators", 2).build(),
						episode("c", "Async runtimes", 3).notes("<p>Tokio and memory.</p>").build()));
		assertThat(slugs("\"memory safety\"")).containsExactly("a");
		assertThat(slugs("memory safety")).containsExactlyInAnyOrder("a", "b");
		assertThat(slugs("memory -safety")).containsExactly("c");
		assertThat(slugs("allocators or runtimes")).containsExactlyInAnyOrder("b", "c");
	}

	@Test
	void aPhraseSaidInTheTranscriptIsFoundThereAndLinksToItsMoment() {
		this.site.store(TestEpisodes.show("Show"),
				List.of(episode("talk", "A talk", 1).build(), episode("other", "Another talk", 2).build()));
		storeTimeline("talk",
				List.of(new Chapter(0, null, "Intro", null, null, true),
						new Chapter(600, null, "The borrow checker", null, null, true)),
				List.of(new TranscriptCue(0, 4.0, null, "Welcome."),
						new TranscriptCue(3725, 3729.0, null, "The borrow checker is our friend.")));
		storeTimeline("other", List.of(), List.of(new TranscriptCue(10, 14.0, null, "Borrow some sugar."),
				new TranscriptCue(800, 804.0, null, "The checker came by.")));
		SearchResults results = this.search.search("\"borrow checker\"", 0);
		assertThat(guids(results)).containsExactly("talk");
		SearchHit hit = results.hits().get(0);
		assertThat(hit.chapter().seconds()).isEqualTo(600);
		assertThat(hit.chapter().textHtml()).isEqualTo("The <mark>borrow</mark> <mark>checker</mark>");
		assertThat(hit.transcript().seconds()).isEqualTo(3725);
		assertThat(hit.transcript().time()).isEqualTo("1:02:05");
		assertThat(hit.transcript().textHtml()).contains("<mark>borrow</mark> <mark>checker</mark>");
		// Words said apart match the episode as a whole, but not the phrase.
		assertThat(slugs("borrow checker")).containsExactlyInAnyOrder("talk", "other");
	}

	@Test
	void aTranscriptHitLinksToTheFirstCueOfItsWindowThatSaysAWordSearched() {
		this.site.store(TestEpisodes.show("Show"), List.of(episode("talk", "A talk", 1).build()));
		storeTimeline("talk", List.of(),
				List.of(new TranscriptCue(60, 64.0, null, "Welcome back."),
						new TranscriptCue(68, 72.0, null, "Nothing yet."),
						new TranscriptCue(76, 80.0, null, "Ferris says hi to the crab.")));
		SearchHit hit = this.search.search("ferris -serde", 0).hits().get(0);
		assertThat(hit.transcript().seconds()).isEqualTo(76);
		assertThat(hit.transcript().time()).isEqualTo("1:16");
		assertThat(hit.transcript().href()).isEqualTo(hit.href() + "?t=76");
		// A phrase: the cue that says one of its words first.
		assertThat(this.search.search("\"the crab\"", 0).hits().get(0).transcript().seconds()).isEqualTo(76);
	}

	@Test
	void accentsAreIgnoredInRomanianAndFrench() {
		this.site.store(TestEpisodes.show("Emisiune", "ro"),
				List.of(episode("sapte", "Șapte lucruri despre Rust", 1).build()));
		assertThat(slugs("sapte")).containsExactly("sapte");
		assertThat(slugs("Șapte")).containsExactly("sapte");
		Database.clear(this.jdbc);
		this.site.store(TestEpisodes.show("Émission", "fr-FR"),
				List.of(episode("cafe", "Un café avec Rust", 1).build()));
		assertThat(slugs("cafe")).containsExactly("cafe");
		assertThat(slugs("café")).containsExactly("cafe");
	}

	@Test
	void aGermanShowIsStemmedInGerman() {
		this.site.store(TestEpisodes.show("Sendung", "de"),
				List.of(episode("haus", "Die Häuser der Entwickler", 1).build()));
		assertThat(slugs("Haus")).containsExactly("haus");
		assertThat(slugs("entwickler")).containsExactly("haus");
		Database.clear(this.jdbc);
		this.site.store(TestEpisodes.show("Show", "en"), List.of(episode("haus", "Die Häuser", 1).build()));
		assertThat(slugs("Haus")).as("English does not stem German").isEmpty();
	}

	@Test
	void snippetsAreTheNotesTextEscapedWithOnlyTheirMarksAsHtml() {
		this.site.store(TestEpisodes.show("Show"),
				List.of(episode("x", "Escapes <b>bold</b>", 1).notes(
						"<p>Ferris wrote &lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;b&amp;gt; in a crate.</p>")
					.build()));
		SearchHit hit = this.search.search("ferris", 0).hits().get(0);
		assertThat(hit.notesHtml()).contains("<mark>Ferris</mark> wrote &lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&amp;lt;b&amp;gt;")
			.doesNotContain("<script")
			.doesNotContain("<b>");
		assertThat(this.search.search("escapes", 0).hits().get(0).titleHtml())
			.isEqualTo("<mark>Escapes</mark> &lt;b&gt;bold&lt;/b&gt;");
	}

	@Test
	void nothingFoundSuggestsTheNearestTitlesAndPeople() {
		this.site.store(TestEpisodes.show("Show"),
				List.of(episode("tokio", "Tokio internals", 1).person(guest("Alice Ryhl")).build()));
		SearchResults results = this.search.search("tokoi", 0);
		assertThat(results.hits()).isEmpty();
		assertThat(results.suggestions()).containsExactly("Tokio internals");
		assertThat(this.search.search("Alise Ryhl", 0).suggestions()).contains("Alice Ryhl");
	}

	@Test
	void resultsArePagedByTen() {
		List<ImportedEpisode> episodes = new ArrayList<>();
		for (int n = 23; n >= 1; n--) {
			episodes.add(episode("e" + n, "Rust " + n, n).build());
		}
		this.site.store(TestEpisodes.show("Show"), episodes);
		SearchResults first = this.search.search("rust", 0);
		assertThat(first.total()).isEqualTo(23);
		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.hits()).hasSize(10);
		assertThat(guids(first).get(0)).isEqualTo("e23");
		assertThat(guids(this.search.search("rust", 2))).containsExactly("e3", "e2", "e1");
		assertThat(this.search.search("rust", 3).hits()).isEmpty();
	}

	@Test
	void draftsScheduledAndHiddenEpisodesAreNotFound() {
		this.site.store(TestEpisodes.show("Show"), List.of(
				TestEpisodes.episode("future", "Ferris tomorrow", Instant.now().plus(Duration.ofDays(3))).build(),
				episode("old", "Ferris gone", 1).build(), episode("now", "Ferris today", 2).build()));
		this.jdbc.update("UPDATE episode SET hidden = true WHERE guid = 'old'");
		assertThat(slugs("ferris")).containsExactly("now");
		this.jdbc.update("UPDATE episode SET hidden = false WHERE guid = 'old'");
		assertThat(slugs("ferris")).containsExactly("now", "old");
	}

	@Test
	void anEpisodeMovedInTimeIsFoundAndOrderedByItsNewDate() {
		// Ranked alike: the newest first.
		this.site.store(TestEpisodes.show("Show"),
				List.of(episode("one", "Ferris one", 1).build(), episode("two", "Ferris two", 2).build()));
		assertThat(slugs("ferris")).containsExactly("two", "one");
		this.jdbc.update("UPDATE episode SET published_at = published_at + interval '10 days' WHERE guid = 'one'");
		assertThat(slugs("ferris")).containsExactly("one", "two");
		this.jdbc.update("UPDATE episode SET published_at = now() + interval '3 days' WHERE guid = 'one'");
		assertThat(slugs("ferris")).containsExactly("two");
	}

	@Test
	void anEditedTitleIsFoundAsSoonAsItIsCommitted() {
		this.site.store(TestEpisodes.show("Show"), List.of(episode("x", "Old words", 1).build()));
		assertThat(slugs("zephyr")).isEmpty();
		this.jdbc.update("UPDATE episode SET title = 'Zephyr arrives' WHERE guid = 'x'");
		assertThat(slugs("zephyr")).containsExactly("x");
		assertThat(slugs("old")).isEmpty();
	}

	@Test
	void onlyOperatorsOrStopWordsHaveNothingToSearch() {
		this.site.store(TestEpisodes.show("Show"), List.of(episode("x", "The end", 1).build()));
		for (String text : List.of("\"\"", "-", "or", "the", "% \\", "!!! & | :*")) {
			SearchResults results = this.search.search(text, 0);
			assertThat(results.hasWords()).as(text).isFalse();
			assertThat(results.hits()).as(text).isEmpty();
		}
	}

	/** The guids of the episodes found, in order. */
	private List<String> slugs(String text) {
		return guids(this.search.search(text, 0));
	}

	private List<String> guids(SearchResults results) {
		return results.hits()
			.stream()
			.map((hit) -> this.jdbc.queryForObject("SELECT guid FROM episode WHERE slug = ?", String.class, hit.slug()))
			.toList();
	}

	private void storeTimeline(String guid, List<Chapter> chapters, List<TranscriptCue> cues) {
		this.site.storeTimeline(this.jdbc.queryForObject("SELECT slug FROM episode WHERE guid = ?", String.class, guid),
				chapters, cues);
	}

	private static TestEpisodes.Builder episode(String slug, String title, int day) {
		return TestEpisodes.episode(slug, title, DAY.plus(Duration.ofDays(day)));
	}

	private static Person guest(String name) {
		return new Person(name, "guest", null, null, null);
	}

}
