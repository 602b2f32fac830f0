package dev.podsite.admin;

import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.podsite.episode.Durations;

import org.springframework.format.Formatter;

/**
 * An episode's length as the host writes and reads it: H:MM:SS or MM:SS, e.g. 1:02:05.
 */
class DurationFormatter implements Formatter<Duration> {

	private static final Pattern CLOCK = Pattern.compile("(\\d+:)?\\d{1,2}:\\d{2}");

	@Override
	public Duration parse(String text, Locale locale) throws ParseException {
		Integer seconds = CLOCK.matcher(text.strip()).matches() ? Durations.parse(text) : null;
		if (seconds == null) {
			throw new ParseException("Not H:MM:SS or MM:SS: " + text, 0);
		}
		return Duration.ofSeconds(seconds);
	}

	@Override
	public String print(Duration duration, Locale locale) {
		return Durations.format(Math.toIntExact(duration.toSeconds()));
	}

}
