package dev.podsite.feedimport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.podsite.episode.Transcript;
import org.jspecify.annotations.Nullable;

/**
 * Which of an item's transcripts the site reads. Only those in a format it reads count.
 * Among them: those in the show's language when the item offers several languages (a
 * transcript without a language is in the feed's, as the spec says); then the most
 * structure (JSON, WebVTT, SubRip, HTML, plain text), since times and speakers are what
 * the page links and names; then, in a tie, a transcript before closed captions
 * ({@code rel="captions"}), which are cut for the screen rather than for reading; then
 * the feed's order. The format comes before the caption rule: captions with times serve
 * the page better than a plain text without.
 */
final class TranscriptChoice {

	private TranscriptChoice() {
	}

	/** The transcript to read, with its format; empty when none is readable. */
	static Optional<Chosen> choose(List<Transcript> transcripts, @Nullable String showLanguage) {
		List<Chosen> readable = new ArrayList<>();
		for (Transcript transcript : transcripts) {
			TranscriptFormat format = TranscriptFormat.declared(transcript.type(), transcript.url());
			if (format != null) {
				readable.add(new Chosen(transcript, format));
			}
		}
		String language = primary(showLanguage);
		List<Chosen> candidates = readable;
		if (language != null) {
			List<Chosen> inLanguage = readable.stream()
				.filter((chosen) -> chosen.transcript().language() == null
						|| language.equals(primary(chosen.transcript().language())))
				.toList();
			candidates = inLanguage.isEmpty() ? readable : inLanguage;
		}
		// Stable: the feed's order breaks the remaining ties.
		return candidates.stream()
			.sorted(Comparator.comparing(Chosen::format).thenComparing(Chosen::isCaptions))
			.findFirst();
	}

	/** "en" of "en-US", "EN_gb" or "en". */
	private static @Nullable String primary(@Nullable String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		return language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
	}

	/** A transcript and the format the site reads it in. */
	record Chosen(Transcript transcript, TranscriptFormat format) {

		boolean isCaptions() {
			return "captions".equalsIgnoreCase(this.transcript.rel());
		}

	}

}
