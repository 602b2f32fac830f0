package dev.podsite.feedimport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The text of a cue or a chapter title as files write it, made plain text: tags dropped
 * (also one the file cuts off), character references decoded, white space collapsed. A
 * decoded {@code &lt;} stays the character it names: the pages print text, never HTML.
 */
final class CueText {

	/** The longest text kept of one cue: a paragraph is far shorter. */
	static final int LONGEST = 10_000;

	/** A tag, or the start of one that the text cuts off. */
	private static final Pattern TAG = Pattern.compile("<[^>]*(?:>|$)");

	/** SubRip's override codes, e.g. {@code {\an8}} to place a subtitle at the top. */
	private static final Pattern OVERRIDE = Pattern.compile("\\{\\\\[^}]*}");

	/**
	 * WebVTT's voice span: {@code <v Name>} or {@code <v.class Name>}, closed or not.
	 */
	private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?(?:[ \\t\\n]+([^>]*))?>");

	private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}\\p{Cc}]+");

	private CueText() {
	}

	/** The text without its markup; empty when nothing is left. */
	static String plain(String markup) {
		String text = TAG.matcher(markup).replaceAll("");
		text = OVERRIDE.matcher(text).replaceAll("");
		return collapsed(Parser.unescapeEntities(text, false));
	}

	/**
	 * Text that is text already (a plain-text transcript): white space collapsed only.
	 */
	static String collapsed(String text) {
		String collapsed = SPACE.matcher(text).replaceAll(" ").strip();
		return (collapsed.length() <= LONGEST) ? collapsed : collapsed.substring(0, LONGEST - 1) + "…";
	}

	/** The speaker a WebVTT cue names in its first voice span; null when none. */
	static @Nullable String voice(String markup) {
		Matcher voice = VOICE.matcher(markup);
		if (!voice.find() || voice.group(1) == null) {
			return null;
		}
		String speaker = plain(voice.group(1));
		return speaker.isEmpty() ? null : shortened(speaker);
	}

	/** A name or title: plain, and cut at 500 characters. */
	static @Nullable String label(@Nullable String markup) {
		if (markup == null) {
			return null;
		}
		String label = plain(markup);
		return label.isEmpty() ? null : shortened(label);
	}

	private static String shortened(String text) {
		return (text.length() <= 500) ? text : text.substring(0, 499) + "…";
	}

}
