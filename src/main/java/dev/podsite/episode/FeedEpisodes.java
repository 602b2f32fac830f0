package dev.podsite.episode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import's way into the episodes: stores the items of a feed in a few batched
 * statements, in the import's transaction.
 */
@Service
public class FeedEpisodes {

	private final EpisodeWriter writer;

	private final ApplicationEventPublisher events;

	FeedEpisodes(EpisodeWriter writer, ApplicationEventPublisher events) {
		this.writer = writer;
		this.events = events;
	}

	/**
	 * Stores the feed's items: new ones are added, changed ones updated (but for the
	 * fields the host changed), unchanged ones left alone, and those that left the feed
	 * hidden. An item without a date keeps the one it was stored with, or gets
	 * {@code importedAt}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Stored store(long showId, List<ImportedEpisode> items, Instant importedAt) {
		// PostgreSQL keeps microseconds: with nanoseconds, the content hash of an undated
		// item would differ from the stored one at every later import.
		Instant now = importedAt.truncatedTo(ChronoUnit.MICROS);
		Map<String, EpisodeWriter.StoredEpisode> stored = this.writer.storedByIdentity(showId);
		Set<String> slugs = new HashSet<>();
		stored.values().forEach((episode) -> slugs.add(episode.slug()));
		Map<ImportedEpisode, String> created = new LinkedHashMap<>();
		Map<ImportedEpisode, Long> changed = new LinkedHashMap<>();
		int unchanged = 0;
		for (ImportedEpisode item : items) {
			EpisodeWriter.StoredEpisode existing = stored.get(item.identity());
			ImportedEpisode dated = (item.publishedAt() != null) ? item
					: item.withPublishedAt((existing != null) ? existing.publishedAt() : now);
			if (existing == null) {
				String slug = EpisodeSlugs.unique(dated.title(), slugs);
				slugs.add(slug);
				created.put(dated, slug);
			}
			else if (existing.hidden() || !existing.contentHash().equals(dated.contentHash())) {
				// The slug stays: renaming an episode in the source keeps its URL.
				changed.put(dated, existing.id());
			}
			else {
				unchanged++;
			}
		}
		this.writer.insertFromFeed(showId, created);
		this.writer.updateFromFeed(showId, changed);
		int hidden = this.writer.hideMissing(showId, items.stream().map(ImportedEpisode::identity).toList());
		Stored result = new Stored(created.size(), changed.size(), unchanged, hidden);
		if (result.changedAnything()) {
			this.events.publishEvent(new EpisodesChanged());
		}
		return result;
	}

	/**
	 * Removes every episode a feed brought: the demo snapshot's, when the real feed
	 * comes.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int removeAll(long showId) {
		int removed = this.writer.deleteImported(showId);
		if (removed > 0) {
			this.events.publishEvent(new EpisodesChanged());
		}
		return removed;
	}

	/** How many episodes listeners can see, now or from their date. */
	@Transactional(readOnly = true)
	public int countListed() {
		return this.writer.countListed();
	}

	/** What storing a feed's items did. */
	public record Stored(int created, int updated, int unchanged, int hidden) {

		public boolean changedAnything() {
			return this.created > 0 || this.updated > 0 || this.hidden > 0;
		}

	}

}
