package dev.podsite.show;

import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A feed's {@code <language>} as a BCP 47 tag for the page's lang attribute: "en-us" and
 * "en_US" become "en-US"; a language's name, like "English", becomes its code.
 */
final class LanguageTags {

	private static final Set<String> LANGUAGES = Stream
		.concat(Arrays.stream(Locale.getISOLanguages()),
				Arrays.stream(Locale.getAvailableLocales()).map(Locale::getLanguage))
		.filter((language) -> !language.isEmpty())
		.collect(Collectors.toUnmodifiableSet());

	private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

	private LanguageTags() {
	}

	/** The tag, or null when the text names no language we know. */
	static @Nullable String of(@Nullable String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		try {
			Locale locale = new Locale.Builder().setLanguageTag(language.strip().replace('_', '-')).build();
			String region = locale.getCountry();
			if (LANGUAGES.contains(locale.getLanguage())
					&& (region.isEmpty() || REGIONS.contains(region) || region.matches("[0-9]{3}"))) {
				// Variants and extensions say nothing a page needs.
				return new Locale.Builder().setLanguage(locale.getLanguage())
					.setScript(locale.getScript())
					.setRegion(region)
					.build()
					.toLanguageTag();
			}
		}
		catch (IllformedLocaleException ex) {
			// Not a tag; perhaps a name.
		}
		return byName(language.strip());
	}

	/** The language named in English or in itself, e.g. "German" or "Deutsch". */
	private static @Nullable String byName(String name) {
		for (String code : Locale.getISOLanguages()) {
			Locale language = Locale.forLanguageTag(code);
			if (name.equalsIgnoreCase(language.getDisplayLanguage(Locale.ENGLISH))
					|| name.equalsIgnoreCase(language.getDisplayLanguage(language))) {
				return language.toLanguageTag();
			}
		}
		return null;
	}

}
