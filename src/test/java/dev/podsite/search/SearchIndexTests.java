package dev.podsite.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.podsite.episode.Chapter;
import dev.podsite.episode.EpisodeTimelines;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.Person;
import dev.podsite.episode.TimelineFiles;
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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search rows the database writes at commit (V11, V17, V18): every episode a
 * transaction changed gets its own words, in their weights, however many episodes the
 * transaction changed and whatever changed them after.
 */
@SpringBootTest
class SearchIndexTests {

	private static final int EPISODES = 40;

	private static final Instant DAY = Instant.parse("2024-03-01T10:00:00Z");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private EpisodeTimelines timelines;

	@BeforeEach
	void emptySite() {
		Database.clear(this.jdbc);
	}

	@Test
	void everyEpisodeOfOneTransactionIsIndexedWithItsOwnWords() {
		this.transactions.executeWithoutResult((status) -> {
			storeEpisodes();
			storeTranscripts();
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode_search_pending", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode_search", Integer.class)).isEqualTo(EPISODES);
		for (int n = 1; n <= EPISODES; n++) {
			assertThat(words(n, "ts_filter(s.document, '{a}')")).as("title")
				.containsExactlyInAnyOrder("title" + n, "arriv");
			assertThat(words(n, "ts_filter(s.document, '{b}')")).as("people and chapters")
				.containsExactlyInAnyOrder("guest" + n, "crab", "lara", "larg", "chapter" + n, "begin");
			assertThat(words(n, "ts_filter(s.document, '{c}')")).as("notes and their links")
				.containsExactlyInAnyOrder("notes" + n, "link" + n);
			assertThat(words(n, "s.content")).as("content: the document and the transcript")
				.contains("title" + n, "guest" + n, "chapter" + n, "notes" + n, "spoken" + n)
				.doesNotContain("spoken" + (n + 1));
			assertThat(words(n, "s.document")).doesNotContain("spoken" + n);
			assertThat(row(n)).containsEntry("config", "podsite_english")
				.containsEntry("notes", "Notes" + n + " here. Link" + n + " Link" + n);
		}
	}

	@Test
	void oneEpisodeIndexedAloneGetsTheRowItGotWithTheOthers() {
		this.transactions.executeWithoutResult((status) -> {
			storeEpisodes();
			storeTranscripts();
		});
		List<Map<String, Object>> together = rows();
		this.jdbc.queryForList("SELECT episode_search_index(id) FROM episode ORDER BY id");
		assertThat(rows()).isEqualTo(together);
	}

	@Test
	void anEpisodeChangedAgainAfterTheIndexingRanIsIndexedAgainAtCommit() {
		this.transactions.executeWithoutResult((status) -> {
			storeEpisodes();
			// The deferred indexing runs now, then the transaction goes on.
			this.jdbc.execute("SET CONSTRAINTS ALL IMMEDIATE");
			this.jdbc.execute("SET CONSTRAINTS ALL DEFERRED");
			this.jdbc.update("UPDATE episode SET title = 'Zephyr arrives' WHERE guid = 'e7'");
			this.jdbc.update("UPDATE person SET name = 'Ferris Crab' WHERE name = 'Guest9 Crab'");
		});
		assertThat(words(7, "ts_filter(s.document, '{a}')")).containsExactlyInAnyOrder("zephyr", "arriv");
		// The name the feed credits stays searchable beside the person's new one.
		assertThat(words(9, "ts_filter(s.document, '{b}')")).contains("ferri", "guest9", "crab");
		assertThat(words(8, "ts_filter(s.document, '{a}')")).containsExactlyInAnyOrder("title8", "arriv");
	}

	@Test
	void aRenamedHostAndAShowInAnotherLanguageReindexEveryEpisode() {
		this.transactions.executeWithoutResult((status) -> storeEpisodes());
		this.jdbc.update("UPDATE person SET name = 'Lena Long' WHERE name = 'Lara Large'");
		for (int n = 1; n <= EPISODES; n++) {
			assertThat(words(n, "ts_filter(s.document, '{b}')")).contains("lena", "long", "guest" + n);
		}
		this.jdbc.update("UPDATE show SET language = 'de'");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT config::text FROM episode_search", String.class))
			.containsExactly("podsite_german");
		this.jdbc.update("UPDATE episode SET title = 'Die Häuser' WHERE guid = 'e3'");
		assertThat(words(3, "ts_filter(s.document, '{a}')")).containsExactly("haus");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode_search", Integer.class)).isEqualTo(EPISODES);
	}

	@Test
	void anEpisodeDeletedInTheTransactionThatChangedItHasNoRow() {
		this.transactions.executeWithoutResult((status) -> {
			storeEpisodes();
			this.jdbc.update("DELETE FROM episode WHERE guid = 'e5'");
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode_search", Integer.class))
			.isEqualTo(EPISODES - 1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode_search_pending", Integer.class)).isZero();
	}

	/**
	 * Episodes e1 to e40, each with words of its own in its title, guest, chapter and
	 * notes, and the same host.
	 */
	private void storeEpisodes() {
		List<ImportedEpisode> episodes = new ArrayList<>();
		for (int n = EPISODES; n >= 1; n--) {
			episodes.add(TestEpisodes.episode("e" + n, "Title" + n + " arrives", DAY.plus(Duration.ofDays(n)))
				.notes("<p>Notes" + n + " here.</p><p><a href=\"https://links.example/" + n + "\">Link" + n
						+ "</a></p>")
				.person(new Person("Lara Large", "host", null, null, null))
				.person(new Person("Guest" + n + " Crab", "guest", null, null, null))
				.simpleChapters(new Chapter(0, null, "Chapter" + n + " begins", null, null, true))
				.build());
		}
		new SiteData(this.context).store(TestEpisodes.show("Show", "en"), episodes);
	}

	private void storeTranscripts() {
		for (int n = 1; n <= EPISODES; n++) {
			this.timelines.storeTranscript(List.of(id(n)),
					new TimelineFiles.Stored("https://files.example/" + n + ".vtt", "test"),
					List.of(new TranscriptCue(0, 4.0, null, "Hello."),
							new TranscriptCue(40, 44.0, null, "Spoken" + n + " words.")),
					Instant.now());
		}
	}

	private long id(int n) {
		return this.jdbc.queryForObject("SELECT id FROM episode WHERE guid = ?", Long.class, "e" + n);
	}

	/** The lexemes of a vector of episode n's search row. */
	private List<String> words(int n, String vector) {
		return this.jdbc.queryForList(
				"SELECT unnest(tsvector_to_array(" + vector
						+ ")) FROM episode_search s JOIN episode e ON e.id = s.episode_id WHERE e.guid = ?",
				String.class, "e" + n);
	}

	private Map<String, Object> row(int n) {
		return this.jdbc.queryForMap("SELECT s.config::text AS config, s.notes FROM episode_search s"
				+ " JOIN episode e ON e.id = s.episode_id WHERE e.guid = ?", "e" + n);
	}

	private List<Map<String, Object>> rows() {
		return this.jdbc.queryForList("SELECT episode_id, config::text AS config, document::text AS document,"
				+ " content::text AS content, notes FROM episode_search ORDER BY episode_id");
	}

}
