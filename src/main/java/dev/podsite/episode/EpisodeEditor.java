package dev.podsite.episode;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

	private final PeopleWriter people;

	private final EpisodeFileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String baseUrl;

	EpisodeEditor(EpisodeRepository episodes, EpisodeWriter writer, PeopleWriter people, EpisodeFileStore files,
			ApplicationEventPublisher events, Clock clock, SiteProperties site) {
		this.episodes = episodes;
		this.writer = writer;
		this.people = people;
		this.files = files;
		this.events = events;
		this.clock = clock;
		this.baseUrl = site.baseUrl();
	}

	@Transactional(readOnly = true)
	public Optional<Episode> find(long id) {
		return this.episodes.findWithListsById(id);
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
		boolean credits = !content.people().isEmpty();
		if (credits) {
			lockPeople();
		}
		for (int attempt = 1;; attempt++) {
			String slug = (edit.slug() != null) ? edit.slug() : uniqueSlug(edit.title());
			Optional<Long> id = this.writer.insertByHost(showId, content, slug, edit.status(), this.clock.instant());
			if (id.isPresent()) {
				if (credits) {
					creditsChanged();
				}
				if (content.chaptersFile() != null || !content.transcripts().isEmpty()) {
					this.events.publishEvent(new EpisodeFilesChanged(id.get()));
				}
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
		if (changed.contains(HostField.PEOPLE)) {
			lockPeople();
		}
		EpisodeWriter.LockedEpisode episode = this.writer.lock(id).orElseThrow(EpisodeNotFound::new);
		if (episode.version() != version) {
			throw new EditConflict();
		}
		String slug = (edit.slug() != null) ? edit.slug() : episode.slug();
		EpisodeContent content = edit.content(this.baseUrl);
		if (changed.contains(HostField.PEOPLE)) {
			content = withPicturesKept(content, this.writer.persons(id));
		}
		this.writer.writeByHost(episode, changed, content, episode.overrides().changedByHost(changed, episode.origin()),
				slug, edit.status(), this.clock.instant());
		boolean filesMoved = !slug.equals(episode.slug()) && moveFiles(id, episode.slug(), slug);
		afterWrite(id, slug, changed, filesMoved);
		return changed(id);
	}

	/** Gives a field of an imported episode back to the feed: the feed's latest value. */
	public Episode revert(long id, HostField field) {
		if (field == HostField.PEOPLE) {
			lockPeople();
		}
		EpisodeWriter.LockedEpisode episode = this.writer.lock(id).orElseThrow(EpisodeNotFound::new);
		Optional<EpisodeContent> feed = this.writer.feedValues(episode);
		if (feed.isEmpty() || !episode.overrides().isHosts(field)) {
			return find(id).orElseThrow(EpisodeNotFound::new);
		}
		this.writer.writeByHost(episode, EnumSet.of(field), feed.get(), episode.overrides().revertedToFeed(field),
				episode.slug(), episode.status(), this.clock.instant());
		afterWrite(id, episode.slug(), EnumSet.of(field), false);
		return changed(id);
	}

	/** The files the host uploaded for the episode: chapters first. */
	@Transactional(readOnly = true)
	public List<EpisodeFile> files(long id) {
		Episode episode = find(id).orElseThrow(EpisodeNotFound::new);
		return this.files.of(id, episode.getSlug());
	}

	/**
	 * Stores a file the host uploaded, in place of the episode's file of its kind, and
	 * points the episode to it: the host's chapters file, or the host's one transcript.
	 * Its chapters or cues are read once this commits (EpisodeFilesChanged).
	 */
	public Episode upload(long id, EpisodeFile.Upload upload) {
		EpisodeWriter.LockedEpisode episode = this.writer.lock(id).orElseThrow(EpisodeNotFound::new);
		Instant now = this.clock.instant();
		this.files.put(id, upload, now);
		String url = this.files.url(episode.slug(), upload.name());
		EpisodeContent content = (upload.kind() == EpisodeFile.Kind.CHAPTERS)
				? EpisodeContent.ofFiles(new ChaptersFile(url, upload.mediaType()), List.of())
				: EpisodeContent.ofFiles(null, List.of(new Transcript(url, upload.mediaType(), null, null)));
		Set<HostField> field = EnumSet.of(upload.kind().field());
		this.writer.writeByHost(episode, field, content, episode.overrides().changedByHost(field, episode.origin()),
				episode.slug(), episode.status(), now);
		afterWrite(id, episode.slug(), field, true);
		return changed(id);
	}

	/**
	 * Removes the host's file of that kind. Where the episode points to it, an imported
	 * episode gets the feed's file back, the host's own none.
	 */
	public Episode removeUpload(long id, EpisodeFile.Kind kind) {
		EpisodeWriter.LockedEpisode episode = this.writer.lock(id).orElseThrow(EpisodeNotFound::new);
		Optional<EpisodeFile> file = this.files.of(id, episode.slug())
			.stream()
			.filter((uploaded) -> uploaded.kind() == kind)
			.findFirst();
		if (file.isEmpty()) {
			return find(id).orElseThrow(EpisodeNotFound::new);
		}
		this.files.remove(id, kind);
		HostField field = kind.field();
		if (this.writer.fileUrls(id).contains(file.get().url())) {
			Optional<EpisodeContent> feed = this.writer.feedValues(episode);
			EpisodeContent content = (feed.isPresent() && episode.origin() == EpisodeOrigin.FEED) ? feed.get()
					: EpisodeContent.ofFiles(null, List.of());
			this.writer.writeByHost(episode, EnumSet.of(field), content, episode.overrides().revertedToFeed(field),
					episode.slug(), episode.status(), this.clock.instant());
		}
		this.events.publishEvent(new EpisodeFilesChanged(id));
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

	/**
	 * After the host's fields were written: the new credits point at their people, and a
	 * change of the files the episode points to drops the uploads it no longer points to
	 * and is announced, so what the files hold is read at once.
	 */
	private void afterWrite(long id, String slug, Collection<HostField> fields, boolean filesChanged) {
		if (fields.contains(HostField.PEOPLE)) {
			creditsChanged();
		}
		if (filesChanged || fields.contains(HostField.CHAPTERS_FILE) || fields.contains(HostField.TRANSCRIPTS)) {
			Set<String> pointedTo = this.writer.fileUrls(id);
			for (EpisodeFile file : this.files.of(id, slug)) {
				if (!pointedTo.contains(file.url())) {
					this.files.remove(id, file.kind());
				}
			}
			this.events.publishEvent(new EpisodeFilesChanged(id));
		}
	}

	/** The uploads' addresses follow the episode's: whether it has any. */
	private boolean moveFiles(long id, String oldSlug, String newSlug) {
		Map<String, String> moved = new HashMap<>();
		for (EpisodeFile file : this.files.of(id, newSlug)) {
			moved.put(this.files.url(oldSlug, file.name()), file.url());
		}
		this.writer.moveFileUrls(id, moved);
		return !moved.isEmpty();
	}

	/**
	 * Before the episode's lock: an import takes the people's lock first too, so neither
	 * waits for the other while holding what it waits for.
	 */
	private void lockPeople() {
		this.people.lock();
	}

	private void creditsChanged() {
		this.people.linkEpisodeCredits();
		this.events.publishEvent(new PeopleChanged());
	}

	/** The host's credits keep the picture and group of the credit of the same name. */
	private static EpisodeContent withPicturesKept(EpisodeContent content, List<Person> current) {
		List<Person> people = content.people().stream().map((person) -> {
			if (person.imageUrl() != null || person.group() != null) {
				return person;
			}
			return current.stream()
				.filter((known) -> known.name().equalsIgnoreCase(person.name()))
				.findFirst()
				.map((known) -> new Person(person.name(), person.role(), known.group(), known.imageUrl(),
						person.href()))
				.orElse(person);
		}).toList();
		return new EpisodeContent(content.title(), content.notes(), content.audioUrl(), content.audioLength(),
				content.audioType(), content.duration(), content.publishedAt(), content.season(),
				content.episodeNumber(), content.episodeType(), content.explicit(), content.chaptersFile(),
				content.transcripts(), people);
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
