package dev.podsite.feedimport;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.podsite.episode.TranscriptCue;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * The transcript formats the site reads, from the most structure to the least: JSON has
 * speakers and times per segment, WebVTT times and voices, SubRip times, HTML speakers
 * and coarse times, plain text neither.
 */
enum TranscriptFormat {

	JSON, WEBVTT, SUBRIP, HTML, TEXT;

	private static final Pattern SUBRIP_START = Pattern
		.compile("\\d+[ \\t]*\\n[ \\t]*\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{1,3}[ \\t]+-->.*", Pattern.DOTALL);

	/** Its name in a sentence: "is not valid WebVTT", "plain text". */
	HostNotice label() {
		return HostNotice.of("file.format." + name());
	}

	/**
	 * The format a {@code podcast:transcript} declares by its type or, without a type the
	 * site knows, by its address's extension; null when neither says one it reads.
	 */
	static @Nullable TranscriptFormat declared(@Nullable String type, String url) {
		String media = (type != null) ? type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT) : "";
		TranscriptFormat format = switch (media) {
			case "application/json", "application/json+transcript", "text/json" -> JSON;
			case "text/vtt" -> WEBVTT;
			case "application/x-subrip", "application/srt", "application/x-srt", "text/srt", "text/x-srt" -> SUBRIP;
			case "text/html", "application/xhtml+xml" -> HTML;
			case "text/plain" -> TEXT;
			default -> null;
		};
		return (format != null) ? format : byExtension(url);
	}

	/**
	 * The format of the text itself, when its start says it: servers label files wrongly
	 * (a .vtt as text/plain) more often than files mislead. Null when the start says
	 * nothing.
	 */
	static @Nullable TranscriptFormat sniffed(String text) {
		String start = TimedCues.lines(text.substring(0, Math.min(text.length(), 512))).stripLeading();
		if (start.startsWith("WEBVTT")) {
			return WEBVTT;
		}
		if (start.startsWith("{")) {
			return JSON;
		}
		if (SUBRIP_START.matcher(start).matches()) {
			return SUBRIP;
		}
		return start.startsWith("<") ? HTML : null;
	}

	ParsedFile<TranscriptCue> parse(String text) throws MalformedFileException {
		return switch (this) {
			case JSON -> JsonTranscript.parse(text);
			case WEBVTT -> TimedCues.webVtt(text);
			case SUBRIP -> TimedCues.subRip(text);
			case HTML -> HtmlTranscript.parse(text);
			case TEXT -> TextTranscript.parse(text);
		};
	}

	private static @Nullable TranscriptFormat byExtension(String url) {
		String path;
		try {
			path = URI.create(url).getPath();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (path == null) {
			return null;
		}
		String name = path.toLowerCase(Locale.ROOT);
		String extension = name.substring(name.lastIndexOf('.') + 1);
		return switch (extension) {
			case "json" -> JSON;
			case "vtt" -> WEBVTT;
			case "srt" -> SUBRIP;
			case "html", "htm" -> HTML;
			case "txt" -> TEXT;
			default -> null;
		};
	}

}
