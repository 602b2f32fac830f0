package dev.podsite.episode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.UntilChanged;
import dev.podsite.support.UntilChanged.Expiring;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The published episodes as listeners see them.
 */
@Service
@Transactional(readOnly = true)
public class EpisodeCatalog {

	public static final int PAGE_SIZE = 20;

	private final EpisodeRepository episodes;

	private final TimelineReader timelines;

	private final EpisodeFileStore files;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final UntilChanged<Kinds> kinds;

	EpisodeCatalog(EpisodeRepository episodes, TimelineReader timelines, EpisodeFileStore files, Clock clock,
			JdbcClient jdbc) {
		this.episodes = episodes;
		this.timelines = timelines;
		this.files = files;
		this.clock = clock;
		this.jdbc = jdbc;
		this.kinds = new UntilChanged<>(clock);
	}

	/** Page {@code page} (0-based) of the published episodes, newest first. */
	public Page<EpisodeSummary> page(int page) {
		return this.episodes.findPublished(now(), PageRequest.of(Math.max(page, 0), PAGE_SIZE));
	}

	/** Page {@code page} (0-based) of the published episodes that pass the filter. */
	public Page<EpisodeSummary> page(int page, EpisodeFilter filter) {
		return this.episodes.findPublished(now(), filter.season(), filter.type(), filter.type() == EpisodeType.FULL,
				PageRequest.of(Math.max(page, 0), PAGE_SIZE));
	}

	/**
	 * The seasons of the published episodes, in order (none when the show has none), and
	 * the types they have besides full ones (trailers, bonus).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Kinds kinds() {
		// Kept until the data changes: every list page asks, and a kept answer needs no
		// connection (hence no transaction of its own).
		return this.kinds.get(() -> new Expiring<>(readKinds(),
				this.episodes.findNextPublicationAfter(this.clock.instant()).orElse(null)));
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void forget(SiteContentChanged change) {
		this.kinds.invalidate();
	}

	private Kinds readKinds() {
		List<EpisodeKind> kinds = this.episodes.findPublishedKinds(now());
		return new Kinds(kinds.stream().map(EpisodeKind::season).filter(Objects::nonNull).distinct().sorted().toList(),
				kinds.stream()
					.map(EpisodeKind::type)
					.filter((type) -> type != null && type != EpisodeType.FULL)
					.distinct()
					.sorted()
					.toList());
	}

	public List<EpisodeSummary> latest(int count) {
		return this.episodes.findPublished(now(), PageRequest.of(0, count)).getContent();
	}

	public Optional<EpisodePage> find(String slug) {
		Instant now = now();
		return this.episodes.findPublishedBySlug(slug, now).map((episode) -> {
			Instant at = episode.getPublishedAt();
			return new EpisodePage(episode, first(this.episodes.findPublishedBefore(at, episode.getId(), now)),
					first(this.episodes.findPublishedAfter(at, episode.getId(), now)),
					this.timelines.of(episode.getId()));
		});
	}

	/**
	 * A file the host uploaded for a published episode, by its name, e.g. transcript.vtt.
	 */
	public Optional<EpisodeFile.Body> file(String slug, String name) {
		return this.files.published(slug, name, now());
	}

	/**
	 * What the re-published feed carries: every published episode with audio, newest
	 * first. Their lists load in batches, inside the caller's transaction.
	 */
	public List<Episode> publishedWithAudio(Instant now) {
		return this.episodes.findPublishedWithAudio(now);
	}

	/**
	 * The elements of the episodes' items that the site does not model, as their feed
	 * wrote them ({@link ImportedEpisode#foreignMarkup()}), by episode id: one query, for
	 * the re-published feed only, so that pages never load them.
	 */
	public Map<Long, String> foreignMarkup(List<Episode> episodes) {
		Map<Long, String> markup = new HashMap<>();
		if (episodes.isEmpty()) {
			return markup;
		}
		this.jdbc.sql("SELECT id, foreign_markup FROM episode WHERE id = ANY (:ids) AND foreign_markup IS NOT NULL")
			.param("ids", episodes.stream().map(Episode::getId).toArray(Long[]::new))
			.query((row) -> {
				markup.put(row.getLong("id"), row.getString("foreign_markup"));
			});
		return markup;
	}

	/**
	 * The public pages of the episodes, for the sitemap, read in one query without the
	 * episodes' notes and lists: every page of the list (of all episodes, and of each
	 * season and kind its filters link to, as the list's template has it: the seasons
	 * when there are several, the kinds besides full episodes), then every published
	 * episode's page, newest first. An episode's page changed when the episode did, or on
	 * its date; a list's when one of its episodes did, or the show ({@code showChanged}).
	 */
	public List<PageStamp> publicPages(Instant now, Instant showChanged) {
		List<EpisodeStamp> published = this.episodes.findPublishedStamps(now);
		Map<EpisodeFilter, ListStamp> lists = new LinkedHashMap<>();
		lists.put(EpisodeFilter.ALL, new ListStamp(0, showChanged));
		Map<EpisodeFilter, ListStamp> seasons = new TreeMap<>(Comparator.comparing(EpisodeFilter::season));
		Map<EpisodeFilter, ListStamp> kinds = new TreeMap<>(Comparator.comparing(EpisodeFilter::type));
		for (EpisodeStamp episode : published) {
			ListStamp one = new ListStamp(1, episode.modified());
			lists.merge(EpisodeFilter.ALL, one, ListStamp::plus);
			if (episode.season() != null) {
				seasons.merge(new EpisodeFilter(episode.season(), null), one, ListStamp::plus);
			}
			if (episode.type() != null && episode.type() != EpisodeType.FULL) {
				kinds.merge(new EpisodeFilter(null, episode.type()), one, ListStamp::plus);
			}
		}
		if (seasons.size() > 1) {
			lists.putAll(seasons);
		}
		lists.putAll(kinds);
		List<PageStamp> pages = new ArrayList<>(published.size() + lists.size() + published.size() / PAGE_SIZE);
		lists.forEach((filter, list) -> {
			Instant modified = PageStamp.latest(list.modified(), showChanged);
			for (int page = 1; page <= pages(list.episodes()); page++) {
				pages.add(new PageStamp(filter.href(page), modified));
			}
		});
		for (EpisodeStamp episode : published) {
			pages.add(new PageStamp("/episodes/" + episode.slug(), episode.modified()));
		}
		return pages;
	}

	/** How many pages a list of that many episodes has: one at least. */
	static int pages(long episodes) {
		return (int) Math.max(1, (episodes + PAGE_SIZE - 1) / PAGE_SIZE);
	}

	/** When the next scheduled episode after {@code now} becomes public, if one waits. */
	public Optional<Instant> nextPublicationAfter(Instant now) {
		return this.episodes.findNextPublicationAfter(now);
	}

	/** When any episode last changed. */
	public Optional<Instant> lastUpdate() {
		return this.episodes.findLastUpdate();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static @Nullable EpisodeSummary first(List<EpisodeSummary> summaries) {
		return summaries.isEmpty() ? null : summaries.get(0);
	}

	/** How many episodes a list holds and when the newest change among them was. */
	private record ListStamp(long episodes, Instant modified) {

		ListStamp plus(ListStamp other) {
			return new ListStamp(this.episodes + other.episodes, PageStamp.latest(this.modified, other.modified));
		}

	}

	/** What the list can be narrowed to. */
	public record Kinds(List<Integer> seasons, List<EpisodeType> specialTypes) {
	}

	/** An episode with its neighbours in the show's order, and its timeline. */
	public record EpisodePage(Episode episode, @Nullable EpisodeSummary previous, @Nullable EpisodeSummary next,
			Timeline timeline) {
	}

}
