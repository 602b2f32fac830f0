package dev.podsite.support;

import java.time.Instant;
import java.util.List;

import dev.podsite.episode.FeedEpisodes;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.show.ShowContent;
import dev.podsite.show.ShowStore;

import org.springframework.context.ApplicationContext;
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

}
