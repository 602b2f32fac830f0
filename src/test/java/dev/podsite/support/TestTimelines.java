package dev.podsite.support;

import java.util.ArrayList;
import java.util.List;

import dev.podsite.episode.Chapter;
import dev.podsite.episode.TranscriptCue;

/**
 * Chapters and transcript cues made up for page tests: long enough to be like a real
 * two-hour episode's, with markup-like text that must stay text.
 */
public final class TestTimelines {

	private TestTimelines() {
	}

	/**
	 * {@code count} chapters ten minutes apart, every other one with a link and artwork.
	 */
	public static List<Chapter> chapters(int count) {
		List<Chapter> chapters = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			boolean linked = i % 2 == 1;
			chapters.add(new Chapter(i * 600.0, (i + 1) * 600.0, "Chapter " + (i + 1) + ": Vec<T> & friends",
					linked ? "https://chapters.example/" + i : null,
					linked ? "https://chapters.example/" + i + ".jpg" : null, true));
		}
		return chapters;
	}

	/**
	 * {@code count} cues 3.6 seconds apart, spoken by {@code speakers} people in turns of
	 * a few cues each.
	 */
	public static List<TranscriptCue> cues(int count, int speakers) {
		List<TranscriptCue> cues = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			double start = i * 3.6;
			cues.add(new TranscriptCue(start, start + 3.5, "Speaker " + ((i / 4) % speakers + 1),
					"Sentence " + (i + 1) + " says what <b>matters</b> about ownership & lifetimes."));
		}
		return cues;
	}

}
