package dev.podsite.episode;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An episode as a list shows it, its words already formatted in the listener's language
 * ({@link EpisodeListing}): a list renders twenty of these per page, and each value is
 * read by the template as is.
 *
 * @param path the episode page's address within the site
 * @param publishedOn the day it came out, for {@code <time datetime>}
 * @param date that day as the listener reads it
 * @param isoDuration its length for {@code <time datetime>}, or null when unknown
 * @param duration its length as the listener reads it (1:02:05), or null when unknown
 * @param place its season and number ("Season 2 · Episode 14"), or null when it has
 * neither
 * @param textOnly whether it has no audio
 * @param summary its short summary, or null when it has none
 */
public record ListedEpisode(String path, String title, LocalDate publishedOn, String date, @Nullable String isoDuration,
		@Nullable String duration, @Nullable String place, boolean textOnly, @Nullable String summary) {

}
