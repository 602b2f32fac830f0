package dev.podsite.feedimport;

import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.podsite.episode.TranscriptCue;

/**
 * Reads the transcripts made of timed cues: WebVTT and SubRip. Both are blocks parted by
 * blank lines, a cue being an optional identifier, a timing line
 * ({@code 00:01:02.500 --> 00:01:05.000}, SubRip with a comma) and its text. WebVTT adds
 * a header, NOTE, STYLE and REGION blocks (skipped), cue settings after the timing
 * (ignored) and tags in the text: the first voice span ({@code <v Name>}) names the
 * speaker, other tags are dropped. Blocks that are not cues are skipped and counted,
 * never fatal: only a file without a single cue is malformed.
 */
final class TimedCues {

	/** A 2-hour transcript has about 2,000 cues; one with a cue per word, 20,000. */
	static final int MOST_CUES = 20_000;

	private static final Pattern BLANK_LINES = Pattern.compile("\\n(?:[ \\t]*\\n)+");

	private static final Pattern TIMING = Pattern.compile("^\\s*(\\S+)\\s+-->\\s+(\\S+)(?:\\s.*)?$");

	private static final Pattern HEADER = Pattern.compile("WEBVTT(?:[ \\t].*)?", Pattern.DOTALL);

	private TimedCues() {
	}

	static ParsedFile<TranscriptCue> webVtt(String text) throws MalformedFileException {
		return parse(text, true);
	}

	static ParsedFile<TranscriptCue> subRip(String text) throws MalformedFileException {
		return parse(text, false);
	}

	private static ParsedFile<TranscriptCue> parse(String text, boolean webVtt) throws MalformedFileException {
		List<HostNotice> warnings = new ArrayList<>();
		String[] blocks = BLANK_LINES.split(lines(text).strip());
		if (webVtt) {
			if (HEADER.matcher(blocks[0].lines().findFirst().orElse("")).matches()) {
				// The header's own lines are no cue; one right below it, without the
				// blank line, is read.
				blocks[0] = blocks[0].contains("-->") ? blocks[0].substring(blocks[0].indexOf('\n') + 1) : "";
			}
			else {
				warnings.add(HostNotice.of("file.noWebvttHeader"));
			}
		}
		List<TranscriptCue> cues = new ArrayList<>();
		int timings = 0;
		int unreadable = 0;
		for (String block : blocks) {
			if (block.isBlank() || (webVtt && isMetadata(block))) {
				continue;
			}
			List<String> lines = block.lines().toList();
			int timing = timingLine(lines);
			if (timing < 0) {
				if (!webVtt && !cues.isEmpty() && !isNumber(block)) {
					// SubRip text with a blank line inside: it belongs to the cue before.
					TranscriptCue before = cues.remove(cues.size() - 1);
					cues.add(new TranscriptCue(before.start(), before.end(), before.speaker(),
							CueText.collapsed(before.text() + " " + CueText.plain(block))));
				}
				else if (!isNumber(block)) {
					unreadable++;
				}
				continue;
			}
			timings++;
			Matcher times = TIMING.matcher(lines.get(timing));
			Double start = times.matches() ? TimeCodes.seconds(times.group(1)) : null;
			Double end = times.matches() ? TimeCodes.seconds(times.group(2)) : null;
			if (start == null) {
				unreadable++;
				continue;
			}
			String payload = String.join("\n", lines.subList(timing + 1, lines.size()));
			String body = CueText.plain(payload);
			if (!body.isEmpty()) {
				cues.add(new TranscriptCue(start, (end != null && end > start) ? end : null,
						webVtt ? CueText.voice(payload) : null, body));
			}
		}
		if (timings == 0) {
			throw new MalformedFileException(HostNotice.of("file.noCues",
					webVtt ? "00:00:01.000 --> 00:00:04.000" : "00:00:01,000 --> 00:00:04,000"));
		}
		if (unreadable > 0) {
			warnings.add(HostNotice.of("file.blocksSkipped", unreadable, Counts.form(unreadable)));
		}
		return new ParsedFile<>(inOrder(SpeakerLabels.apply(cues), warnings), warnings);
	}

	/**
	 * Cues in the order of the audio, those of one moment in the file's order; capped.
	 */
	static List<TranscriptCue> inOrder(List<TranscriptCue> cues, List<HostNotice> warnings) {
		List<TranscriptCue> sorted = new ArrayList<>(cues);
		sorted.sort(Comparator.comparingDouble(TranscriptCue::start));
		if (sorted.size() > MOST_CUES) {
			warnings.add(HostNotice.of("file.cuesKept", MOST_CUES, sorted.size()));
			return sorted.subList(0, MOST_CUES);
		}
		return sorted;
	}

	/** One form of line break, no byte order mark. */
	static String lines(String text) {
		String lines = text.replace("\r\n", "\n").replace('\r', '\n');
		return lines.startsWith("\uFEFF") ? lines.substring(1) : lines;
	}

	private static int timingLine(List<String> lines) {
		// The timing is the first or, after an identifier, the second line.
		for (int i = 0; i < Math.min(lines.size(), 2); i++) {
			if (lines.get(i).contains("-->")) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isMetadata(String block) {
		String first = block.lines().findFirst().orElse("");
		return first.equals("NOTE") || first.startsWith("NOTE ") || first.startsWith("NOTE\t") || first.equals("STYLE")
				|| first.equals("REGION") || first.startsWith("STYLE ") || first.startsWith("REGION ");
	}

	private static boolean isNumber(String block) {
		return block.strip().chars().allMatch((c) -> c >= '0' && c <= '9');
	}

}
