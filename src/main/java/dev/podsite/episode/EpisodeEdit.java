package dev.podsite.episode;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An episode as the host writes it in the form.
 *
 * @param notesMarkdown the notes, in Markdown
 * @param audioType the media type; when null, the audio address's extension tells
 * @param duration the length in seconds
 * @param slug the end of the episode's address; when null, one is made from the title
 */
public record EpisodeEdit(String title, @Nullable String notesMarkdown, @Nullable String audioUrl,
		@Nullable Long audioLength, @Nullable String audioType, @Nullable Integer duration, Instant publishedAt,
		@Nullable Integer season, @Nullable Integer episodeNumber, @Nullable EpisodeType episodeType, boolean explicit,
		@Nullable String slug, EpisodeStatus status) {

	/** The values of the host's fields, notes rendered against the site's address. */
	EpisodeContent content(String baseUrl) {
		String type = (this.audioType != null || this.audioUrl == null) ? this.audioType
				: MediaTypes.fromUrl(this.audioUrl);
		return new EpisodeContent(this.title.strip(), EpisodeNotes.ofMarkdown(this.notesMarkdown, baseUrl),
				this.audioUrl, this.audioLength, type, this.duration, this.publishedAt, this.season, this.episodeNumber,
				this.episodeType, this.explicit);
	}

}
