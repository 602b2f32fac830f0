package dev.podsite.search;

import org.jspecify.annotations.Nullable;

/**
 * What a listener typed, as the search reads it: without control characters (PostgreSQL
 * refuses a NUL) or lone surrogates, spaces collapsed, at most {@link #MAX_LENGTH}
 * characters. The page's one address spells it this way.
 */
public final class SearchText {

	/** Long enough for any question, short enough to bound the query's work. */
	public static final int MAX_LENGTH = 200;

	private static final String SHORTENED = "\u2026";

	private SearchText() {
	}

	/**
	 * The text as searched, or null when nothing is left to search. A longer text is cut
	 * after its last whole word within the limit and ends with "…", which the search
	 * skips and the page reads as "shortened", at its one address too.
	 */
	public static @Nullable String spelling(@Nullable String typed) {
		String text = (typed != null) ? collapse(typed, MAX_LENGTH + 1) : null;
		if (text == null || text.codePointCount(0, text.length()) <= MAX_LENGTH) {
			return text;
		}
		String cut = text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH - 1));
		int space = cut.lastIndexOf(' ');
		return ((space > MAX_LENGTH / 2) ? cut.substring(0, space) : cut).strip() + SHORTENED;
	}

	/** Whether the text as searched was cut. */
	static boolean shortened(@Nullable String text) {
		return text != null && text.endsWith(SHORTENED);
	}

	private static @Nullable String collapse(String typed, int limit) {
		StringBuilder text = new StringBuilder(Math.min(typed.length(), limit));
		int count = 0;
		boolean space = false;
		for (int i = 0; i < typed.length() && count < limit;) {
			int c = typed.codePointAt(i);
			i += Character.charCount(c);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
					|| Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE) {
				space = !text.isEmpty();
				continue;
			}
			if (space) {
				text.append(' ');
				space = false;
				if (++count == limit) {
					break;
				}
			}
			text.appendCodePoint(c);
			count++;
		}
		return text.isEmpty() ? null : text.toString().strip();
	}

}
