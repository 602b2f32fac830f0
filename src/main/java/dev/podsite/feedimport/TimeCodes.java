package dev.podsite.feedimport;

import org.jspecify.annotations.Nullable;

/**
 * Moments of the audio as chapter and transcript files write them: seconds ("62",
 * "62.5"), M:SS ("1:02"), H:MM:SS ("1:01:02"), each with an optional fraction after a dot
 * or, as SubRip writes it, a comma ("00:01:02.500", "00:01:02,500"). Kept to the
 * millisecond.
 */
final class TimeCodes {

	/** 100,000 hours: a later moment is junk, not audio, and would not fit its column. */
	static final double LONGEST = 360_000_000;

	private TimeCodes() {
	}

	/**
	 * The moment in seconds, rounded to the millisecond; null when the text is none of
	 * the forms above, or negative, or past {@link #LONGEST}. Fields past 59 add up, as
	 * {@code itunes:duration} readers take them.
	 */
	static @Nullable Double seconds(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String[] fields = text.strip().split(":", -1);
		if (fields.length > 3) {
			return null;
		}
		long whole = 0;
		String fraction = "";
		for (int i = 0; i < fields.length; i++) {
			String digits = fields[i];
			if (i == fields.length - 1) {
				int mark = Math.max(digits.indexOf('.'), digits.indexOf(','));
				if (mark >= 0) {
					fraction = digits.substring(mark + 1);
					digits = digits.substring(0, mark);
				}
			}
			if (!isDigits(digits, 9) || (i > 0 && digits.length() > 2)) {
				return null;
			}
			whole = whole * 60 + Long.parseLong(digits);
		}
		if (!fraction.isEmpty() && !isDigits(fraction, 18)) {
			return null;
		}
		return seconds(whole * 1000 + millis(fraction));
	}

	/**
	 * A number of seconds from a JSON file, rounded to the millisecond; null if unfit.
	 */
	static @Nullable Double seconds(double value) {
		if (!Double.isFinite(value) || value < 0 || value > LONGEST) {
			return null;
		}
		return Math.round(value * 1000) / 1000.0;
	}

	private static @Nullable Double seconds(long millis) {
		double seconds = millis / 1000.0;
		return (seconds <= LONGEST) ? seconds : null;
	}

	/** ".5" is 500 ms, ".0625" 63 ms: the first four digits, rounded. */
	private static long millis(String fraction) {
		String digits = (fraction + "0000").substring(0, 4);
		return (Long.parseLong(digits) + 5) / 10;
	}

	private static boolean isDigits(String text, int most) {
		if (text.isEmpty() || text.length() > most) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
