package dev.podsite.episode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	EpisodeCatalog(EpisodeRepository episodes, TimelineReader timelines, EpisodeFileStore files, Clock clock) {
		this.episodes = episodes;
		this.timelines = timelines;
		this.files = files;
		this.clock = clock;
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
	public Kinds kinds() {
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
	 * Every published episode's page and when it last changed, newest first: the
	 * sitemap's, read without the episodes' notes and lists.
	 */
	public List<PageStamp> publishedPages(Instant now) {
		return this.episodes.findPublishedStamps(now)
			.stream()
			.map((row) -> PageStamp.ofEpisode((String) row[0], (Instant) row[1], (Instant) row[2]))
			.toList();
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

	/** What the list can be narrowed to. */
	public record Kinds(List<Integer> seasons, List<EpisodeType> specialTypes) {
	}

	/** An episode with its neighbours in the show's order, and its timeline. */
	public record EpisodePage(Episode episode, @Nullable EpisodeSummary previous, @Nullable EpisodeSummary next,
			Timeline timeline) {
	}

}
