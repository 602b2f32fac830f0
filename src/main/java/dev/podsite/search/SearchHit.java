package dev.podsite.search;

import java.time.LocalDate;

import dev.podsite.support.ClockTimes;
import org.jspecify.annotations.Nullable;

/**
 * An episode a search found: its title and a snippet of its notes, highlighted (HTML,
 * escaped but for {@code <mark>}), and the moments that match, when its chapters or its
 * transcript do. The links and the day are worked out once, when the hit is made: a kept
 * page of results is rendered again for every visitor with a session.
 */
public record SearchHit(String slug, String href, String titleHtml, LocalDate publishedOn, @Nullable String notesHtml,
		@Nullable Moment chapter, @Nullable Moment transcript) {

	/** A moment of the episode and what is said or titled there, highlighted. */
	public record Moment(long seconds, String time, String href, String textHtml) {

		Moment(String episodeHref, long seconds, String textHtml) {
			this(seconds, time(seconds), episodeHref + "?t=" + seconds, textHtml);
		}

		/** H:MM:SS or M:SS, as time links are written. */
		static String time(long seconds) {
			return ClockTimes.of(seconds);
		}

	}

}
