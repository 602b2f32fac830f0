package dev.podsite.feedimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.podsite.episode.TranscriptCue;
import org.jspecify.annotations.Nullable;

/**
 * The "Name: text" convention of SubRip and plain-text transcripts, which have no place
 * of their own for the speaker. A leading label is taken for a speaker only when the file
 * keeps to the convention, so that "Note: …" or "Step 2: …" once in a file stays text: a
 * label is one to three capitalised words (a number may end it, "Speaker 2"), starts at
 * least two cues, and labels start at least one cue in twenty. A cue without a label then
 * belongs to the speaker of the cue before, as a subtitle names the speaker only when the
 * speaker changes.
 */
final class SpeakerLabels {

	private static final Pattern LABEL = Pattern.compile(
			"(\\p{Lu}[\\p{L}\\p{M}'’.-]*(?: (?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|\\d{1,2})){0,2}): +(\\S.*)", Pattern.DOTALL);

	private static final int LONGEST_LABEL = 40;

	private SpeakerLabels() {
	}

	/**
	 * The cues with their labels as speakers; as they were unless the file keeps to it.
	 */
	static List<TranscriptCue> apply(List<TranscriptCue> cues) {
		if (cues.stream().anyMatch((cue) -> cue.speaker() != null)) {
			return cues;
		}
		Map<String, Integer> starts = new HashMap<>();
		for (TranscriptCue cue : cues) {
			String label = label(cue.text());
			if (label != null) {
				starts.merge(label, 1, Integer::sum);
			}
		}
		int labelled = starts.values().stream().mapToInt(Integer::intValue).sum();
		if (starts.values().stream().noneMatch((count) -> count >= 2) || labelled * 20 < cues.size()) {
			return cues;
		}
		List<TranscriptCue> spoken = new ArrayList<>(cues.size());
		String speaker = null;
		for (TranscriptCue cue : cues) {
			Matcher label = LABEL.matcher(cue.text());
			String text = cue.text();
			if (label.matches() && starts.containsKey(label.group(1))) {
				speaker = label.group(1);
				text = label.group(2).strip();
			}
			spoken.add(new TranscriptCue(cue.start(), cue.end(), speaker, text));
		}
		return spoken;
	}

	private static @Nullable String label(String text) {
		Matcher label = LABEL.matcher(text);
		return (label.matches() && label.group(1).length() <= LONGEST_LABEL) ? label.group(1) : null;
	}

}
