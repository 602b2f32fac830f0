package dev.podsite.support;

import java.time.Instant;
import java.util.List;

import dev.podsite.episode.Chapter;
import dev.podsite.episode.EpisodeTimelines;
import dev.podsite.episode.FeedEpisodes;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.TimelineFiles;
import dev.podsite.episode.TranscriptCue;
import dev.podsite.show.ShowContent;
import dev.podsite.show.ShowStore;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a show and its episodes through the show and episode modules' own APIs, in one
 * transaction, as an import would, but without fetching or parsing a feed.
 */
public final class SiteData {

	private final ApplicationContext context;

	public SiteData(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * Stores the show and exactly these episodes (others are hidden, as left the feed).
	 */
	public void store(ShowContent show, List<ImportedEpisode> episodes) {
		this.context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			long showId = this.context.getBean(ShowStore.class)
				.save(show, "https://feeds.example/show.xml", false)
				.showId();
			this.context.getBean(FeedEpisodes.class).store(showId, episodes, Instant.now());
		});
	}

	/**
	 * Stores chapters and a transcript for the episode at {@code slug} as the import
	 * stores those it read from the files the item points to.
	 */
	public void storeTimeline(String slug, List<Chapter> chapters, List<TranscriptCue> cues) {
		long id = this.context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT id FROM episode WHERE slug = ?", Long.class, slug);
		EpisodeTimelines timelines = this.context.getBean(EpisodeTimelines.class);
		this.context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			timelines.storeChapters(List.of(id),
					new TimelineFiles.Stored("https://files.example/" + slug + ".json", "test"), chapters,
					Instant.now());
			timelines.storeTranscript(List.of(id),
					new TimelineFiles.Stored("https://files.example/" + slug + ".vtt", "test"), cues, Instant.now());
		});
	}

}
