package dev.podsite.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeEdit;
import dev.podsite.episode.EpisodeEditor;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.HostField;
import dev.podsite.support.Database;
import dev.podsite.support.MutableClock;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches kept until the site changes: asked again, they are not read again; a change
 * the site announces, or a scheduled episode coming out, is found at once.
 */
@SpringBootTest
class KeptSearchesTests {

	private static final MutableClock CLOCK = new MutableClock();

	@TestBean(name = "clock")
	private Clock applicationClock;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private KeptSearches searches;

	@Autowired
	private EpisodeEditor editor;

	private Instant now;

	static Clock clock() {
		return CLOCK;
	}

	@BeforeEach
	void emptySite() {
		this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		CLOCK.set(this.now);
		Database.clear(this.jdbc);
	}

	@AfterEach
	void systemTime() {
		CLOCK.reset();
	}

	@Test
	void aSearchAskedAgainIsAnsweredAsKeptUntilTheSiteAnnouncesAChange() {
		store(TestEpisodes.episode("x", "Old words", this.now.minus(Duration.ofDays(1))).build());
		assertThat(guids("old")).containsExactly("x");
		// Written behind the site's back: nothing announced, the kept answer stands.
		this.jdbc.update("UPDATE episode SET title = 'Zephyr arrives' WHERE guid = 'x'");
		assertThat(guids("old")).containsExactly("x");
		assertThat(guids("OLD")).as("the same search in capitals").containsExactly("x");
	}

	@Test
	void aTitleTheHostEditsIsFoundAtOnce() {
		store(TestEpisodes.episode("x", "Old words", this.now.minus(Duration.ofDays(1))).build());
		assertThat(guids("zephyr")).isEmpty();
		assertThat(guids("old")).containsExactly("x");
		long id = this.jdbc.queryForObject("SELECT id FROM episode WHERE guid = 'x'", Long.class);
		Episode episode = this.editor.find(id).orElseThrow();
		this.editor.update(id, episode.getVersion(),
				new EpisodeEdit("Zephyr arrives", null, episode.getAudioUrl(), episode.getAudioLength(),
						episode.getAudioType(), episode.getDurationSeconds(), episode.getPublishedAt(),
						episode.getSeason(), episode.getEpisodeNumber(), episode.getEpisodeType(), false, null,
						episode.getStatus()),
				Set.of(HostField.TITLE));
		assertThat(guids("zephyr")).containsExactly("x");
		assertThat(guids("old")).isEmpty();
	}

	@Test
	void aScheduledEpisodeIsFoundWhenItComesOut() {
		store(TestEpisodes.episode("now", "Ferris now", this.now.minus(Duration.ofDays(1))).build(),
				TestEpisodes.episode("later", "Ferris later", this.now.plus(Duration.ofHours(1))).build());
		assertThat(guids("ferris")).containsExactly("now");
		CLOCK.advance(Duration.ofHours(2));
		assertThat(guids("ferris")).containsExactly("later", "now");
	}

	@Test
	void atMostFiveHundredSearchesAndPagesAreKept() {
		store(TestEpisodes.episode("x", "Words", this.now.minus(Duration.ofDays(1))).build());
		for (int i = 0; i <= KeptSearches.KEPT; i++) {
			this.searches.search("word" + i, 0);
		}
		assertThat(this.searches.keptRankings()).isEqualTo(KeptSearches.KEPT);
		assertThat(this.searches.keptPages()).isEqualTo(KeptSearches.KEPT);
	}

	private void store(ImportedEpisode... episodes) {
		new SiteData(this.context).store(TestEpisodes.show("Show"), List.of(episodes));
	}

	/** The guids of the episodes found, in order. */
	private List<String> guids(String text) {
		return this.searches.search(text, 0)
			.hits()
			.stream()
			.map((hit) -> this.jdbc.queryForObject("SELECT guid FROM episode WHERE slug = ?", String.class, hit.slug()))
			.toList();
	}

}
