package dev.podsite.episode;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.podsite.notes.Markdown;
import dev.podsite.support.SiteProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The host's way into the episodes: every episode (drafts, scheduled, hidden and deleted
 * ones too), and the changes the host makes. Each change commits whole, one version more,
 * and is announced so the site's copies are dropped.
 */
@Service
@Transactional
public class EpisodeEditor {

	private final EpisodeRepository episodes;

	private final EpisodeWriter writer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String baseUrl;

	EpisodeEditor(EpisodeRepository episodes, EpisodeWriter writer, ApplicationEventPublisher events, Clock clock,
			SiteProperties site) {
		this.episodes = episodes;
		this.writer = writer;
		this.events = events;
		this.clock = clock;
		this.baseUrl = site.baseUrl();
	}

	@Transactional(readOnly = true)
	public Optional<Episode> find(long id) {
		return this.episodes.findById(id);
	}

	/** Every episode, newest first; with a search, those whose title holds it. */
	@Transactional(readOnly = true)
	public Page<EpisodeRow> rows(String titleSearch, Pageable page) {
		String search = titleSearch.strip();
		return search.isEmpty() ? this.episodes.findRows(page)
				: this.episodes.findRowsByTitle("%" + likeEscaped(search.toLowerCase(Locale.ROOT)) + "%", page);
	}

	/** Imported episodes that left the feed and are hidden, latest first. */
	@Transactional(readOnly = true)
	public List<EpisodeRow> leftTheFeed() {
		return this.episodes.findLeftTheFeed();
	}

	/** Whether another episode than {@code id} (any, when null) has the slug. */
	@Transactional(readOnly = true)
	public boolean slugTaken(String slug, @Nullable Long id) {
		return (id != null) ? this.episodes.existsBySlugAndIdNot(slug, id) : this.episodes.existsBySlug(slug);
	}

	/** The notes as the episode's page would show them. */
	public String preview(@Nullable String markdown) {
		return (markdown != null) ? Markdown.toNotes(markdown, this.baseUrl).html() : "";
	}

	/**
	 * A new episode of the host's, with a stable random guid.
	 * @throws SlugTaken when another episode has the slug the host chose; a slug made
	 * from the title is always a free one
	 */
	public Episode create(long showId, EpisodeEdit edit) {
		EpisodeContent content = edit.content(this.baseUrl);
		for (int attempt = 1;; attempt++) {
			String slug = (edit.slug() != null) ? edit.slug() : uniqueSlug(edit.title());
			Optional<Long> id = this.writer.insertByHost(showId, content, slug, edit.status(), this.clock.instant());
			if (id.isPresent()) {
				return changed(id.get());
			}
			// An import took the slug since it was chosen: the host's own, or the next
			// one.
			if (edit.slug() != null || attempt == 5) {
				throw new SlugTaken(slug, null);
			}
		}
	}

	/**
	 * Saves the fields the host changed in the form, and only those: an import that
	 * changed others meanwhile keeps its changes.
	 * @param version the version the form was opened with
	 * @throws EditConflict when someone saved the episode since
	 * @throws SlugTaken when another episode took the slug the host chose
	 */
	public Episode update(long id, int version, EpisodeEdit edit, Collection<HostField> changed) {
		EpisodeWriter.LockedEpisode episode = this.writer.lock(id).orElseThrow(EpisodeNotFound::new);
		if (episode.version() != version) {
			throw new EditConflict();
		}
		String slug = (edit.slug() != null) ? edit.slug() : episode.slug();
		this.writer.writeByHost(episode, changed, edit.content(this.baseUrl),
				episode.overrides().changedByHost(changed, episode.origin()), slug, edit.status(),
				this.clock.instant());
		return changed(id);
	}

	/** Gives a field of an imported episode back to the feed: the feed's latest value. */
	public Episode revert(long id, HostField field) {
		EpisodeWriter.LockedEpisode episode = this.writer.lock(id).orElseThrow(EpisodeNotFound::new);
		Optional<EpisodeContent> feed = this.writer.feedValues(episode);
		if (feed.isEmpty() || !episode.overrides().isHosts(field)) {
			return find(id).orElseThrow(EpisodeNotFound::new);
		}
		this.writer.writeByHost(episode, EnumSet.of(field), feed.get(), episode.overrides().revertedToFeed(field),
				episode.slug(), episode.status(), this.clock.instant());
		return changed(id);
	}

	public Episode delete(long id) {
		lock(id);
		this.writer.setDeleted(id, this.clock.instant(), this.clock.instant());
		return changed(id);
	}

	public Episode undelete(long id) {
		lock(id);
		this.writer.setDeleted(id, null, this.clock.instant());
		return changed(id);
	}

	/** Keeps an episode that left the feed on the site; imports no longer hide it. */
	public Episode keepOnSite(long id) {
		this.writer.keepOnSite(lock(id), this.clock.instant());
		return changed(id);
	}

	private EpisodeWriter.LockedEpisode lock(long id) {
		return this.writer.lock(id).orElseThrow(EpisodeNotFound::new);
	}

	private Episode changed(long id) {
		this.events.publishEvent(new EpisodesChanged());
		return find(id).orElseThrow(EpisodeNotFound::new);
	}

	private String uniqueSlug(String title) {
		return EpisodeSlugs.unique(title, new HashSet<>(this.episodes.findSlugsLike(EpisodeSlugs.slugify(title))));
	}

	private static String likeEscaped(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/** Someone saved the episode since the form was opened. */
	public static class EditConflict extends RuntimeException {

		public EditConflict() {
			super("The episode was saved by someone else since this form was opened");
		}

	}

	/** Another episode has the slug. */
	public static class SlugTaken extends RuntimeException {

		public SlugTaken(String slug, @Nullable Throwable cause) {
			super("Another episode has the slug " + slug, cause);
		}

	}

	/** No episode has that id. */
	public static class EpisodeNotFound extends RuntimeException {

		public EpisodeNotFound() {
			super("No such episode");
		}

	}

}
