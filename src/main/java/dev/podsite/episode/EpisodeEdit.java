package dev.podsite.episode;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An episode as the host writes it in the form.
 *
 * @param notesMarkdown the notes, in Markdown
 * @param audioType the media type; when null, the audio address's extension tells
 * @param duration the length in seconds
 * @param slug the end of the episode's address; when null, one is made from the title
 * @param transcripts the transcript files; one without a type gets its address's
 * extension's
 * @param people who the episode credits; their pictures and groups are kept from the
 * credits of the same name the episode had
 */
public record EpisodeEdit(String title, @Nullable String notesMarkdown, @Nullable String audioUrl,
		@Nullable Long audioLength, @Nullable String audioType, @Nullable Integer duration, Instant publishedAt,
		@Nullable Integer season, @Nullable Integer episodeNumber, @Nullable EpisodeType episodeType, boolean explicit,
		@Nullable String slug, EpisodeStatus status, @Nullable ChaptersFile chaptersFile, List<Transcript> transcripts,
		List<Person> people) {

	public EpisodeEdit {
		transcripts = List.copyOf(transcripts);
		people = List.copyOf(people);
	}

	/** An edit without files or people. */
	public EpisodeEdit(String title, @Nullable String notesMarkdown, @Nullable String audioUrl,
			@Nullable Long audioLength, @Nullable String audioType, @Nullable Integer duration, Instant publishedAt,
			@Nullable Integer season, @Nullable Integer episodeNumber, @Nullable EpisodeType episodeType,
			boolean explicit, @Nullable String slug, EpisodeStatus status) {
		this(title, notesMarkdown, audioUrl, audioLength, audioType, duration, publishedAt, season, episodeNumber,
				episodeType, explicit, slug, status, null, List.of(), List.of());
	}

	/** The values of the host's fields, notes rendered against the site's address. */
	EpisodeContent content(String baseUrl) {
		String type = (this.audioType != null || this.audioUrl == null) ? this.audioType
				: MediaTypes.fromUrl(this.audioUrl);
		return new EpisodeContent(this.title.strip(), EpisodeNotes.ofMarkdown(this.notesMarkdown, baseUrl),
				this.audioUrl, this.audioLength, type, this.duration, this.publishedAt, this.season, this.episodeNumber,
				this.episodeType, this.explicit, this.chaptersFile,
				this.transcripts.stream().map(EpisodeEdit::typed).toList(), this.people);
	}

	private static Transcript typed(Transcript transcript) {
		if (transcript.type() != null) {
			return transcript;
		}
		String type = TranscriptType.ofName(transcript.url()).map(TranscriptType::mediaType).orElse(null);
		return new Transcript(transcript.url(), type, transcript.language(), transcript.rel());
	}

}
