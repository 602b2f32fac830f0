package dev.podsite.episode;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The values of the fields a host can change ({@link HostField}), as a feed or the host
 * gives them. The feed's are kept beside the episode ({@code feed_values}), for "revert
 * to the feed's", under the names of these components.
 *
 * @param duration the length in seconds
 * @param publishedAt null only for a feed's item without a usable date, which is then
 * dated when stored
 */
public record EpisodeContent(String title, EpisodeNotes notes, @Nullable String audioUrl, @Nullable Long audioLength,
		@Nullable String audioType, @Nullable Integer duration, @Nullable Instant publishedAt, @Nullable Integer season,
		@Nullable Integer episodeNumber, @Nullable EpisodeType episodeType, @Nullable Boolean explicit) {

	public EpisodeContent withPublishedAt(@Nullable Instant date) {
		return new EpisodeContent(this.title, this.notes, this.audioUrl, this.audioLength, this.audioType,
				this.duration, date, this.season, this.episodeNumber, this.episodeType, this.explicit);
	}

}
