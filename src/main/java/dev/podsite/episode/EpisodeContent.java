package dev.podsite.episode;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The values of the fields a host can change ({@link HostField}), as a feed or the host
 * gives them. The feed's are kept beside the episode ({@code feed_values}), for "revert
 * to the feed's", under the names of these components.
 *
 * @param duration the length in seconds
 * @param publishedAt null only for a feed's item without a usable date, which is then
 * dated when stored
 * @param chaptersFile the chapters file the episode points to, if any
 * @param transcripts the transcript files, in the feed's order
 * @param people who the episode credits, in order; none credits the show's own people
 */
public record EpisodeContent(String title, EpisodeNotes notes, @Nullable String audioUrl, @Nullable Long audioLength,
		@Nullable String audioType, @Nullable Integer duration, @Nullable Instant publishedAt, @Nullable Integer season,
		@Nullable Integer episodeNumber, @Nullable EpisodeType episodeType, @Nullable Boolean explicit,
		@Nullable ChaptersFile chaptersFile, List<Transcript> transcripts, List<Person> people) {

	public EpisodeContent {
		// Null from feed values stored before these lists were part of them.
		transcripts = (transcripts != null) ? List.copyOf(transcripts) : List.of();
		people = (people != null) ? List.copyOf(people) : List.of();
	}

	/**
	 * Content that carries only the files given, for a write of
	 * {@link HostField#CHAPTERS_FILE} or {@link HostField#TRANSCRIPTS} alone.
	 */
	static EpisodeContent ofFiles(@Nullable ChaptersFile chaptersFile, List<Transcript> transcripts) {
		return new EpisodeContent("", EpisodeNotes.NONE, null, null, null, null, null, null, null, null, null,
				chaptersFile, transcripts, List.of());
	}

	public EpisodeContent withPublishedAt(@Nullable Instant date) {
		return new EpisodeContent(this.title, this.notes, this.audioUrl, this.audioLength, this.audioType,
				this.duration, date, this.season, this.episodeNumber, this.episodeType, this.explicit,
				this.chaptersFile, this.transcripts, this.people);
	}

}
