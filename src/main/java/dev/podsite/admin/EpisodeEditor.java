package dev.podsite.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.podsite.episode.Durations;
import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeFields;
import dev.podsite.episode.EpisodeLink;
import dev.podsite.episode.EpisodeSlugs;
import dev.podsite.episode.MediaTypes;
import dev.podsite.notes.Markdown;
import dev.podsite.notes.ShowNotes;
import dev.podsite.show.CurrentShow;
import dev.podsite.show.Show;
import dev.podsite.show.ShowChanges;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The host's changes to episodes. Each one commits whole, then tells the site's copies
 * (pages, the feed) to drop what changed.
 */
@Service
@Transactional
class EpisodeEditor {

	// How "revert to feed" restores each field from the feed's values (feed_values).
	private static final Map<String, String> FROM_FEED_VALUES = Map.ofEntries(
			Map.entry(EpisodeFields.TITLE, "title = feed_values->>'title'"),
			Map.entry(EpisodeFields.NOTES,
					"notes_html = feed_values->>'notesHtml', summary = feed_values->>'summary', notes_markdown = NULL"),
			Map.entry(EpisodeFields.AUDIO_URL, "audio_url = feed_values->>'audioUrl'"),
			Map.entry(EpisodeFields.AUDIO_LENGTH, "audio_length = (feed_values->>'audioLength')::bigint"),
			Map.entry(EpisodeFields.AUDIO_TYPE, "audio_type = feed_values->>'audioType'"),
			Map.entry(EpisodeFields.DURATION, "duration_seconds = (feed_values->>'duration')::integer"),
			Map.entry(EpisodeFields.PUBLISHED_AT, "published_at = (feed_values->>'publishedAt')::timestamptz"),
			Map.entry(EpisodeFields.SEASON, "season = (feed_values->>'season')::integer"),
			Map.entry(EpisodeFields.EPISODE_NUMBER, "episode_number = (feed_values->>'episodeNumber')::integer"),
			Map.entry(EpisodeFields.EPISODE_TYPE, "episode_type = feed_values->>'episodeType'"),
			Map.entry(EpisodeFields.EXPLICIT, "explicit = (feed_values->>'explicit')::boolean"));

	private final HostEpisodes episodes;

	private final CurrentShow show;

	private final JdbcTemplate jdbc;

	private final ShowChanges changes;

	private final Clock clock;

	private final ZoneId zone;

	private final String baseUrl;

	EpisodeEditor(HostEpisodes episodes, CurrentShow show, JdbcTemplate jdbc, ShowChanges changes, Clock clock,
			AdminProperties properties, @Value("${podsite.base-url}") String baseUrl) {
		this.episodes = episodes;
		this.show = show;
		this.jdbc = jdbc;
		this.changes = changes;
		this.clock = clock;
		this.zone = properties.timeZone();
		this.baseUrl = baseUrl;
	}

	/** A new episode of the host's, with a stable random guid. */
	Episode create(EpisodeForm form) {
		Show current = this.show.get().orElseThrow(NoShowYet::new);
		Episode episode = Episode.byHost(current.getId(), this.clock.instant());
		for (String field : EpisodeFields.FROM_FEED) {
			apply(field, form, episode);
		}
		episode.setStatus(form.getStatus());
		episode.setSlug((form.getSlug() != null) ? form.getSlug() : uniqueSlug(form.getTitle()));
		return changed(this.episodes.save(episode));
	}

	/**
	 * Saves what the host changed in the form, and only that.
	 * @throws EditConflict when someone saved the episode since the form was opened
	 */
	Episode update(long id, EpisodeForm form) {
		Episode episode = this.episodes.findForUpdate(id).orElseThrow(EpisodeNotFound::new);
		if (episode.getVersion() != form.getVersion()) {
			throw new EditConflict();
		}
		for (String field : EpisodeFields.FROM_FEED) {
			if (form.changed(field)) {
				apply(field, form, episode);
			}
		}
		if (form.changed("status")) {
			episode.setStatus(form.getStatus());
		}
		if (form.changed("slug") && form.getSlug() != null) {
			episode.setSlug(form.getSlug());
		}
		return changed(episode);
	}

	/** Gives a field of an imported episode back to the feed. */
	void revert(long id, String field) {
		String assignment = FROM_FEED_VALUES.get(field);
		if (assignment == null) {
			throw new IllegalArgumentException("No field " + field + " comes from the feed");
		}
		this.episodes.findForUpdate(id).orElseThrow(EpisodeNotFound::new);
		int reverted = this.jdbc.update("UPDATE episode SET " + assignment
				+ ", overrides = array_remove(overrides, ?), version = version + 1, updated_at = now()"
				+ " WHERE id = ? AND feed_values IS NOT NULL AND ? = ANY (overrides)", field, id, field);
		if (reverted == 1 && field.equals(EpisodeFields.NOTES)) {
			this.jdbc.update("DELETE FROM episode_link WHERE episode_id = ?", id);
			this.jdbc.update(
					"""
							INSERT INTO episode_link (episode_id, position, text, url)
							SELECT e.id, link.position - 1, link.value->>'text', link.value->>'url'
							FROM episode e, jsonb_array_elements(e.feed_values->'links') WITH ORDINALITY AS link(value, position)
							WHERE e.id = ?
							""",
					id);
		}
		this.changes.changed();
	}

	Episode delete(long id) {
		Episode episode = this.episodes.findForUpdate(id).orElseThrow(EpisodeNotFound::new);
		episode.delete(this.clock.instant());
		return changed(episode);
	}

	Episode undelete(long id) {
		Episode episode = this.episodes.findForUpdate(id).orElseThrow(EpisodeNotFound::new);
		episode.undelete();
		return changed(episode);
	}

	/** Keeps an episode that left the feed on the site; imports no longer hide it. */
	Episode keepOnSite(long id) {
		Episode episode = this.episodes.findForUpdate(id).orElseThrow(EpisodeNotFound::new);
		episode.keepOnSite();
		return changed(episode);
	}

	@Transactional(readOnly = true)
	boolean slugTaken(String slug, Long id) {
		return (id != null) ? this.episodes.existsBySlugAndIdNot(slug, id) : this.episodes.existsBySlug(slug);
	}

	private void apply(String field, EpisodeForm form, Episode episode) {
		switch (field) {
			case EpisodeFields.TITLE -> episode.setTitle(form.getTitle().strip());
			case EpisodeFields.NOTES -> {
				ShowNotes notes = Markdown.toNotes(form.getNotes(), this.baseUrl);
				List<EpisodeLink> links = notes.links()
					.stream()
					.map((l) -> new EpisodeLink(l.text(), l.url()))
					.toList();
				episode.setNotes(EpisodeForm.blankToNull(form.getNotes()), notes.html(),
						notes.summary(Episode.SUMMARY_LENGTH), links);
			}
			case EpisodeFields.AUDIO_URL -> episode.setAudioUrl(form.getAudioUrl());
			case EpisodeFields.AUDIO_LENGTH -> episode.setAudioLength(form.getAudioLength());
			case EpisodeFields.AUDIO_TYPE -> episode.setAudioType((form.getAudioType() != null) ? form.getAudioType()
					: (form.getAudioUrl() != null) ? MediaTypes.fromUrl(form.getAudioUrl()) : null);
			case EpisodeFields.DURATION -> episode.setDurationSeconds(Durations.parse(form.getDuration()));
			case EpisodeFields.PUBLISHED_AT -> episode.setPublishedAt(form.publishedAtIn(this.zone));
			case EpisodeFields.SEASON -> episode.setSeason(form.getSeason());
			case EpisodeFields.EPISODE_NUMBER -> episode.setEpisodeNumber(form.getEpisodeNumber());
			case EpisodeFields.EPISODE_TYPE -> episode.setEpisodeType(form.getEpisodeType());
			case EpisodeFields.EXPLICIT -> episode.setExplicit(form.isExplicit());
			default -> throw new IllegalArgumentException("Unknown field " + field);
		}
	}

	private String uniqueSlug(String title) {
		return EpisodeSlugs.unique(title, new HashSet<>(this.episodes.findSlugsLike(EpisodeSlugs.slugify(title))));
	}

	private Episode changed(Episode episode) {
		episode.touch(this.clock.instant());
		this.changes.changed();
		return episode;
	}

	/** Someone saved the episode since the form was opened. */
	static class EditConflict extends RuntimeException {

		EditConflict() {
			super("The episode was saved by someone else since this form was opened");
		}

	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class EpisodeNotFound extends RuntimeException {

		EpisodeNotFound() {
			super("No such episode");
		}

	}

	/** Episodes belong to a show, and there is none until the first import. */
	static class NoShowYet extends RuntimeException {

		NoShowYet() {
			super("The show has not been imported yet");
		}

	}

}
