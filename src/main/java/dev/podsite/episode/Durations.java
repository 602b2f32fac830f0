package dev.podsite.episode;

/**
 * Durations as listeners read them: 1:02:05, 58:07, 0:42.
 */
public final class Durations {

	private Durations() {
	}

	public static String format(Integer seconds) {
		if (seconds == null || seconds < 0) {
			return null;
		}
		int hours = seconds / 3600;
		int minutes = (seconds % 3600) / 60;
		int rest = seconds % 60;
		if (hours > 0) {
			return String.format("%d:%02d:%02d", hours, minutes, rest);
		}
		return String.format("%d:%02d", minutes, rest);
	}

	/** ISO-8601 duration for the {@code <time datetime>} attribute, e.g. PT1H2M5S. */
	public static String iso(Integer seconds) {
		if (seconds == null || seconds < 0) {
			return null;
		}
		return java.time.Duration.ofSeconds(seconds).toString();
	}

}
