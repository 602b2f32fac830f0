package dev.podsite.search;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.UntilChanged;
import dev.podsite.support.UntilChanged.Expiring;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Searches as {@link EpisodeSearch} answers them, kept until the site's content changes
 * (on any instance) or the next scheduled episode comes out: each search's ranking (every
 * episode it finds, in order) and each page of results asked, the least recently asked
 * dropped first beyond {@value #KEPT} of each. The public page cache keeps rendered pages
 * for visitors without a session; this keeps the database's answers for everyone else
 * (the host), and for a search asked again on another page.
 */
@Component
class KeptSearches {

	/** Rankings and pages kept, each: a ranking is at most a few thousand ids. */
	static final int KEPT = 500;

	private final EpisodeSearch search;

	private final UntilChanged<Generation> kept;

	KeptSearches(EpisodeSearch search, Clock clock) {
		this.search = search;
		this.kept = new UntilChanged<>(clock);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forget(SiteContentChanged change) {
		this.kept.invalidate();
	}

	/** Page {@code page} (0-based) of the published episodes that match {@code text}. */
	SearchResults search(String text, int page) {
		// The generation of before the queries: answers read across a change go into the
		// old one, which is dropped.
		Generation generation = this.kept.get(this::newGeneration);
		String key = key(text);
		PageKey pageKey = new PageKey(key, page);
		SearchResults results = generation.pages.get(pageKey);
		if (results == null) {
			EpisodeSearch.Ranking ranking = generation.rankings.get(key);
			if (ranking == null) {
				ranking = this.search.rank(text);
				generation.rankings.put(key, ranking);
			}
			results = this.search.page(ranking, page);
			generation.pages.put(pageKey, results);
		}
		return results;
	}

	/** How many rankings are kept now. */
	int keptRankings() {
		return this.kept.get(this::newGeneration).rankings.size();
	}

	/** How many pages of results are kept now. */
	int keptPages() {
		return this.kept.get(this::newGeneration).pages.size();
	}

	private Expiring<Generation> newGeneration() {
		return new Expiring<>(new Generation(), this.search.nextPublication().orElse(null));
	}

	/**
	 * The text as kept: ASCII in lower case, as the search reads it whatever its case
	 * ("or" and "OR" alike); other text as typed, since Java's and PostgreSQL's case
	 * rules differ beyond it.
	 */
	static String key(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0x7f) {
				return text;
			}
		}
		return text.toLowerCase(Locale.ROOT);
	}

	private record PageKey(String text, int page) {
	}

	/** What is kept until the next change. */
	private static final class Generation {

		private final Recent<String, EpisodeSearch.Ranking> rankings = new Recent<>(KEPT);

		private final Recent<PageKey, SearchResults> pages = new Recent<>(KEPT);

	}

	/** At most {@code max} values, the least recently asked dropped first. */
	private static final class Recent<K, V> {

		private final Map<K, V> values;

		Recent(int max) {
			this.values = new LinkedHashMap<>(max * 4 / 3 + 1, 0.75f, true) {

				@Override
				protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
					return size() > max;
				}

			};
		}

		synchronized @Nullable V get(K key) {
			return this.values.get(key);
		}

		synchronized void put(K key, V value) {
			this.values.put(key, value);
		}

		synchronized int size() {
			return this.values.size();
		}

	}

}
