package dev.podsite.support;

/**
 * Lengths and moments as listeners read them and time links are written: 1:02:05, 58:07,
 * 0:42.
 */
public final class ClockTimes {

	private ClockTimes() {
	}

	/**
	 * H:MM:SS from an hour on, else M:SS; built by hand, as lists write dozens a page.
	 */
	public static String of(long seconds) {
		long hours = seconds / 3600;
		long minutes = seconds % 3600 / 60;
		long rest = seconds % 60;
		StringBuilder text = new StringBuilder(8);
		if (hours > 0) {
			text.append(hours).append(':');
			twoDigits(text, minutes);
		}
		else {
			text.append(minutes);
		}
		text.append(':');
		twoDigits(text, rest);
		return text.toString();
	}

	private static void twoDigits(StringBuilder text, long value) {
		if (value < 10) {
			text.append('0');
		}
		text.append(value);
	}

}
