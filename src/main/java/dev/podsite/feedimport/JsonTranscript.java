package dev.podsite.feedimport;

import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.podsite.episode.TranscriptCue;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Podcasting 2.0 JSON transcript: {@code {"version": "1.0.0", "segments":
 * [{"speaker": "…", "startTime": 0.5, "endTime": 2.0, "body": "…"}]}}. Some tools write a
 * segment per word: consecutive one-word segments of a speaker are joined into the cue
 * before until a sentence ends, so a transcript reads as sentences and stays within
 * {@link TimedCues#MOST_CUES}.
 */
final class JsonTranscript {

	/** How long a cue grows from joined words before the next word starts another. */
	private static final int LONGEST_JOINED = 300;

	private JsonTranscript() {
	}

	static ParsedFile<TranscriptCue> parse(String text) throws MalformedFileException {
		JsonNode segments = JsonFiles.list(text, "segments");
		List<TranscriptCue> cues = new ArrayList<>();
		List<HostNotice> warnings = new ArrayList<>();
		int unreadable = 0;
		for (int i = 0; i < segments.size(); i++) {
			JsonNode segment = segments.get(i);
			Double start = segment.isObject() ? JsonFiles.seconds(segment.get("startTime")) : null;
			String body = (start != null) ? JsonFiles.text(segment.get("body")) : null;
			if (body == null) {
				unreadable++;
				continue;
			}
			String words = CueText.plain(body);
			if (words.isEmpty()) {
				continue;
			}
			Double end = JsonFiles.seconds(segment.get("endTime"));
			TranscriptCue cue = new TranscriptCue(start, (end != null && end > start) ? end : null,
					CueText.label(JsonFiles.text(segment.get("speaker"))), words);
			TranscriptCue before = cues.isEmpty() ? null : cues.get(cues.size() - 1);
			if (before != null && joins(before, cue)) {
				cues.set(cues.size() - 1,
						new TranscriptCue(before.start(), (cue.end() != null) ? cue.end() : before.end(),
								before.speaker(), before.text() + " " + cue.text()));
			}
			else {
				cues.add(cue);
			}
		}
		if (unreadable > 0) {
			warnings.add(HostNotice.of("file.segmentsSkipped", unreadable, Counts.form(unreadable)));
		}
		return new ParsedFile<>(TimedCues.inOrder(cues, warnings), warnings);
	}

	private static boolean joins(TranscriptCue before, TranscriptCue word) {
		return !word.text().contains(" ") && Objects.equals(before.speaker(), word.speaker())
				&& word.start() >= before.start() && !endsSentence(before.text())
				&& before.text().length() + word.text().length() < LONGEST_JOINED;
	}

	private static boolean endsSentence(String text) {
		char last = text.charAt(text.length() - 1);
		return last == '.' || last == '?' || last == '!' || last == '…';
	}

}
