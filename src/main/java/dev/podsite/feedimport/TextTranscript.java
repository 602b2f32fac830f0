package dev.podsite.feedimport;

import dev.podsite.support.HostNotice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.podsite.episode.TranscriptCue;

/**
 * Reads a plain-text transcript. It says nothing of times: each paragraph (each line, in
 * a file without blank lines) is a cue at 0 without an end, in the file's order, so the
 * page shows the text as written and offers no time to jump to. Speakers come from the
 * "Name: text" convention when the file keeps to it ({@link SpeakerLabels}). The text is
 * text already: nothing is taken for markup.
 */
final class TextTranscript {

	private static final Pattern BLANK_LINES = Pattern.compile("\\n(?:[ \\t]*\\n)+");

	private TextTranscript() {
	}

	static ParsedFile<TranscriptCue> parse(String text) throws MalformedFileException {
		String lines = TimedCues.lines(text).strip();
		String[] paragraphs = BLANK_LINES.matcher(lines).find() ? BLANK_LINES.split(lines) : lines.split("\\n");
		List<TranscriptCue> cues = new ArrayList<>();
		for (String paragraph : paragraphs) {
			String plain = CueText.collapsed(paragraph);
			if (!plain.isEmpty()) {
				cues.add(new TranscriptCue(0, null, null, plain));
			}
		}
		if (cues.isEmpty()) {
			throw new MalformedFileException(HostNotice.of("file.empty"));
		}
		List<HostNotice> warnings = new ArrayList<>();
		return new ParsedFile<>(TimedCues.inOrder(SpeakerLabels.apply(cues), warnings), warnings);
	}

}
