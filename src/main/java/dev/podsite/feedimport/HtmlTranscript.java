package dev.podsite.feedimport;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import dev.podsite.episode.TranscriptCue;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * Reads the HTML transcript of the Podcasting 2.0 spec: {@code <cite>Speaker:</cite>
 * <time>0:00</time>
<p>
text
</p>
}, repeated. A paragraph is a cue that starts at the last time before it (0 before any)
 * and belongs to the last speaker named before it. Parsed as a stream that stops at
 * {@link #MOST_ELEMENTS} and nests at most 64 deep, the limits that keep hostile show
 * notes cheap; scripts and styles are never text. A page without paragraphs is read as
 * plain text.
 */
final class HtmlTranscript {

	/** A 2-hour transcript has about 6,000 elements. */
	static final int MOST_ELEMENTS = 200_000;

	private HtmlTranscript() {
	}

	static ParsedFile<TranscriptCue> parse(String html) throws MalformedFileException {
		List<TranscriptCue> cues = new ArrayList<>();
		List<HostNotice> warnings = new ArrayList<>();
		double start = 0;
		String speaker = null;
		int count = 0;
		try (StreamParser stream = new StreamParser(Parser.htmlParser().setMaxDepth(64)).parse(html, "")) {
			Iterator<Element> completed = stream.iterator();
			while (completed.hasNext()) {
				Element element = completed.next();
				if (++count > MOST_ELEMENTS) {
					throw new MalformedFileException(HostNotice.of("file.tooManyElements", MOST_ELEMENTS));
				}
				switch (element.normalName()) {
					case "cite" -> {
						speaker = speaker(element.text());
						// Read: not part of the paragraph's text.
						element.remove();
					}
					case "time" -> {
						Double at = TimeCodes.seconds(element.hasAttr("datetime") ? element.attr("datetime") : null);
						at = (at != null) ? at : TimeCodes.seconds(element.text());
						if (at != null) {
							start = at;
						}
						element.remove();
					}
					case "p" -> {
						String text = CueText.collapsed(element.text());
						if (!text.isEmpty()) {
							cues.add(new TranscriptCue(start, null, speaker, text));
						}
						// Read: it need not stay in memory.
						element.remove();
					}
					default -> {
					}
				}
			}
			if (cues.isEmpty()) {
				String text = stream.document().body().wholeText();
				return TextTranscript.parse(text);
			}
		}
		catch (UncheckedIOException ex) {
			throw new MalformedFileException(HostNotice.of("file.notHtml", String.valueOf(ex.getMessage())));
		}
		return new ParsedFile<>(TimedCues.inOrder(cues, warnings), warnings);
	}

	/** "Kevin:" names Kevin; an empty cite names no one. */
	private static @Nullable String speaker(String cite) {
		String name = CueText.collapsed(cite);
		while (name.endsWith(":")) {
			name = name.substring(0, name.length() - 1).strip();
		}
		return CueText.label(name);
	}

}
