package dev.podsite.episode;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * URL slugs made from episode titles and people's names: "Șapte țări" becomes
 * "sapte-tari".
 */
public final class EpisodeSlugs {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	private static final int MAX_LENGTH = 80;

	// Letters that Unicode decomposition does not reduce to ASCII.
	private static final Map<String, String> LETTERS = Map.ofEntries(Map.entry("ß", "ss"), Map.entry("æ", "ae"),
			Map.entry("œ", "oe"), Map.entry("ø", "o"), Map.entry("ł", "l"), Map.entry("đ", "d"), Map.entry("ð", "d"),
			Map.entry("þ", "th"), Map.entry("ı", "i"), Map.entry("ħ", "h"), Map.entry("&", " and "));

	private EpisodeSlugs() {
	}

	public static String slugify(@Nullable String title) {
		return slugify(title, "episode");
	}

	/** The slug of {@code text}, or {@code fallback} when it has no letter or digit. */
	static String slugify(@Nullable String title, String fallback) {
		String text = (title != null) ? title.toLowerCase(Locale.ROOT) : "";
		for (Map.Entry<String, String> letter : LETTERS.entrySet()) {
			text = text.replace(letter.getKey(), letter.getValue());
		}
		text = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		String slug = NOT_SLUG.matcher(text).replaceAll("-");
		slug = trimDashes(slug);
		if (slug.length() > MAX_LENGTH) {
			slug = trimDashes(slug.substring(0, MAX_LENGTH));
		}
		return slug.isEmpty() ? fallback : slug;
	}

	/**
	 * A slug for the title that none of {@code taken} has: the plain one, else -2, -3,
	 * ...
	 */
	public static String unique(String title, Set<String> taken) {
		return unique(title, "episode", taken);
	}

	static String unique(String title, String fallback, Set<String> taken) {
		String base = slugify(title, fallback);
		String slug = base;
		for (int n = 2; taken.contains(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private static String trimDashes(String slug) {
		int start = 0;
		int end = slug.length();
		while (start < end && slug.charAt(start) == '-') {
			start++;
		}
		while (end > start && slug.charAt(end - 1) == '-') {
			end--;
		}
		return slug.substring(start, end);
	}

}
