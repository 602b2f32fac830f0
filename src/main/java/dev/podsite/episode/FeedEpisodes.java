package dev.podsite.episode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.podsite.support.HostNotice;

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

	private static final int MAX_SLUG_ATTEMPTS = 5;

	private final EpisodeWriter writer;

	private final PeopleWriter people;

	private final ApplicationEventPublisher events;

	FeedEpisodes(EpisodeWriter writer, PeopleWriter people, ApplicationEventPublisher events) {
		this.writer = writer;
		this.people = people;
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
		// Before any credit is written: a host's merge then waits for the import, and
		// never holds the people while the import holds their credits (a deadlock).
		this.people.lock();
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
		List<HostNotice> warnings = insertWithFreeSlugs(showId, created);
		this.writer.updateFromFeed(showId, changed);
		int hidden = this.writer.hideMissing(showId, items.stream().map(ImportedEpisode::identity).toList());
		// The credits just written point at no one yet.
		this.people.linkEpisodeCredits();
		Stored result = new Stored(created.size(), changed.size(), unchanged, hidden, warnings);
		if (result.changedAnything()) {
			this.events.publishEvent(new EpisodesChanged());
		}
		return result;
	}

	/**
	 * Inserts the new items; one whose slug the host took meanwhile (the host does not
	 * wait for imports) gets the next free one, and the run says so.
	 */
	private List<HostNotice> insertWithFreeSlugs(long showId, Map<ImportedEpisode, String> slugs) {
		List<HostNotice> warnings = new ArrayList<>();
		Set<ImportedEpisode> slugTaken = this.writer.insertFromFeed(showId, slugs);
		for (int attempt = 1; !slugTaken.isEmpty(); attempt++) {
			if (attempt > MAX_SLUG_ATTEMPTS) {
				throw new IllegalStateException("No free slug for " + slugTaken.size() + " new episodes after "
						+ MAX_SLUG_ATTEMPTS + " attempts: episodes are being created faster than they can be named");
			}
			Set<String> taken = this.writer.slugs(showId);
			Map<ImportedEpisode, String> again = new LinkedHashMap<>();
			for (ImportedEpisode item : slugTaken) {
				String slug = EpisodeSlugs.unique(item.title(), taken);
				taken.add(slug);
				again.put(item, slug);
				warnings.add(HostNotice.of("import.slugTaken", slugs.get(item), item.title(), slug));
			}
			slugTaken = this.writer.insertFromFeed(showId, again);
		}
		return warnings;
	}

	/**
	 * Stores the show's own credits (the channel's {@code podcast:person} tags, its hosts
	 * mostly) in place of the stored ones, in the import's transaction.
	 * @return whether they changed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean storeShowPeople(long showId, List<Person> persons) {
		this.people.lock();
		boolean changed = this.people.replaceShowCredits(showId, persons);
		if (changed) {
			this.events.publishEvent(new PeopleChanged());
		}
		return changed;
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

	/**
	 * What storing a feed's items did.
	 *
	 * @param warnings what the import run should say about it
	 */
	public record Stored(int created, int updated, int unchanged, int hidden, List<HostNotice> warnings) {

		public boolean changedAnything() {
			return this.created > 0 || this.updated > 0 || this.hidden > 0;
		}

	}

}
