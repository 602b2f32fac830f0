package dev.podsite.episode;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Formats the episodes of a list in the listener's language, once per page in Java rather
 * than a dozen template expressions per row: the lists are the pages rendered most (issue
 * #14's render path).
 * <p>
 * Season and episode numbers are names, not amounts: episode 1020 is "Episode 1020",
 * never "Episode 1,020".
 */
@Component
public class EpisodeListing {

	private final MessageSource messages;

	// One formatter per date pattern and language: a pattern is parsed once, not per row.
	private final ConcurrentHashMap<String, DateTimeFormatter> dateFormats = new ConcurrentHashMap<>();

	public EpisodeListing(MessageSource messages) {
		this.messages = messages;
	}

	public List<ListedEpisode> of(List<EpisodeSummary> episodes, Locale locale) {
		DateTimeFormatter dates = dateFormat(locale);
		return episodes.stream().map((episode) -> listed(episode, dates, locale)).toList();
	}

	/**
	 * The seasons a list can be narrowed to, {@code current} marked.
	 */
	public List<ListedSeason> seasons(List<Integer> seasons, @Nullable Integer current, Locale locale) {
		return seasons.stream()
			.map((season) -> new ListedSeason(new EpisodeFilter(season, null).href(1), season(season, locale),
					season.equals(current)))
			.toList();
	}

	/** "Season 3", in the listener's language. */
	private String season(int season, Locale locale) {
		return this.messages.getMessage("episodes.season", new Object[] { season }, locale);
	}

	private ListedEpisode listed(EpisodeSummary episode, DateTimeFormatter dates, Locale locale) {
		Integer seconds = episode.durationSeconds();
		String summary = episode.summary();
		return new ListedEpisode("/episodes/" + episode.slug(), episode.title(), episode.publishedOn(),
				dates.format(episode.publishedOn()), Durations.iso(seconds), Durations.format(seconds),
				place(episode, locale), episode.audioUrl() == null,
				(summary == null || summary.isEmpty()) ? null : summary);
	}

	private @Nullable String place(EpisodeSummary episode, Locale locale) {
		String season = (episode.season() != null) ? season(episode.season(), locale) : null;
		String number = (episode.episodeNumber() != null)
				? this.messages.getMessage("episodes.number", new Object[] { episode.episodeNumber() }, locale) : null;
		if (season == null) {
			return number;
		}
		return (number != null) ? season + " · " + number : season;
	}

	/** A season to narrow a list to: its list's address and its name ("Season 3"). */
	public record ListedSeason(String path, String name, boolean current) {

	}

	private DateTimeFormatter dateFormat(Locale locale) {
		String pattern = this.messages.getMessage("date.long", null, locale);
		return this.dateFormats.computeIfAbsent(locale.toLanguageTag() + " " + pattern,
				(key) -> DateTimeFormatter.ofPattern(pattern, locale));
	}

}
