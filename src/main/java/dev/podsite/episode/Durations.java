package dev.podsite.episode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.podsite.support.ClockTimes;
import org.jspecify.annotations.Nullable;

/**
 * Durations as listeners read them: 1:02:05, 58:07, 0:42.
 */
public final class Durations {

	/** One field of a length: digits, a fraction only in the last field. */
	private static final Pattern FIELD = Pattern.compile("([0-9]{1,9})(\\.[0-9]+)?");

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	private static final BigDecimal LONGEST = BigDecimal.valueOf(Integer.MAX_VALUE);

	private Durations() {
	}

	/**
	 * Reads an episode's length as feeds write it ({@code itunes:duration}): whole or
	 * fractional seconds ("835.8"), M:SS ("58:07", "61:30") or H:MM:SS ("1:02:05"),
	 * whitespace around allowed. Fields past 59 add up ("00:60:05" is 3605 seconds, as a
	 * real feed writes it).
	 * @return the length in whole seconds, or null when the text is none of these (also
	 * when negative)
	 */
	public static @Nullable Integer parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String[] fields = text.strip().split(":", -1);
		if (fields.length > 3) {
			return null;
		}
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < fields.length; i++) {
			Matcher field = FIELD.matcher(fields[i]);
			boolean last = i == fields.length - 1;
			if (!field.matches() || (field.group(2) != null && !last) || (i > 0 && field.group(1).length() > 2)) {
				return null;
			}
			total = total.multiply(SIXTY).add(new BigDecimal(fields[i]));
		}
		total = total.setScale(0, RoundingMode.HALF_UP);
		return (total.compareTo(LONGEST) <= 0) ? total.intValueExact() : null;
	}

	public static @Nullable String format(@Nullable Integer seconds) {
		if (seconds == null || seconds < 0) {
			return null;
		}
		return ClockTimes.of(seconds);
	}

	/** ISO-8601 duration for the {@code <time datetime>} attribute, e.g. PT1H2M5S. */
	public static @Nullable String iso(@Nullable Integer seconds) {
		if (seconds == null || seconds < 0) {
			return null;
		}
		return java.time.Duration.ofSeconds(seconds).toString();
	}

}
