package dev.podsite.episode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Links to a moment of an episode: {@code /episodes/{slug}?t=3725} opens its page with
 * the player set to start at 1:02:05. Timestamps written in show notes ({@code 12:34},
 * {@code (1:02:05)}, {@code [00:12:34]}) become such links.
 */
public final class TimeLinks {

	/**
	 * H:MM:SS or M:SS (hours and minutes of one or two digits), not inside a longer
	 * number.
	 */
	private static final Pattern TIMESTAMP = Pattern
		.compile("(?<![\\d:.])((?:\\d{1,2}:)?[0-5]?\\d:[0-5]\\d)(?![\\d:]|\\.\\d)");

	private TimeLinks() {
	}

	/**
	 * The moment a {@code t} parameter names, in whole seconds: {@code 3725},
	 * {@code 62:05} or {@code 1:02:05}; null when it names none.
	 */
	public static @Nullable Long seconds(@Nullable String t) {
		if (t == null || t.length() > 12) {
			return null;
		}
		Integer seconds = Durations.parse(t);
		return (seconds != null) ? (long) seconds : null;
	}

	/**
	 * The notes with their timestamps linked to the moment they name, when it is within
	 * the episode ({@code duration}, when known). Links and code keep their text.
	 * @param episodePath the episode page's path, e.g. /episodes/rust-at-scale
	 */
	public static String linkTimestamps(String notesHtml, String episodePath, @Nullable Integer duration) {
		if (notesHtml.indexOf(':') < 0) {
			return notesHtml;
		}
		Document notes = Jsoup.parseBodyFragment(notesHtml);
		notes.outputSettings().prettyPrint(false);
		boolean linked = false;
		for (TextNode text : textOutsideLinks(notes.body())) {
			linked |= link(text, episodePath, duration);
		}
		return linked ? notes.body().html() : notesHtml;
	}

	private static boolean link(TextNode text, String episodePath, @Nullable Integer duration) {
		String whole = text.getWholeText();
		Matcher matcher = TIMESTAMP.matcher(whole);
		List<Node> parts = new ArrayList<>();
		int end = 0;
		while (matcher.find()) {
			Integer seconds = Durations.parse(matcher.group(1));
			if (seconds == null || (duration != null && seconds > duration)) {
				continue;
			}
			parts.add(new TextNode(whole.substring(end, matcher.start(1))));
			parts.add(new Element("a").attr("href", episodePath + "?t=" + seconds)
				.attr("class", "time")
				.attr("data-t", Integer.toString(seconds))
				.text(matcher.group(1)));
			end = matcher.end(1);
		}
		if (parts.isEmpty()) {
			return false;
		}
		parts.add(new TextNode(whole.substring(end)));
		for (Node part : parts) {
			text.before(part);
		}
		text.remove();
		return true;
	}

	private static List<TextNode> textOutsideLinks(Element root) {
		List<TextNode> texts = new ArrayList<>();
		collect(root, texts);
		return texts;
	}

	private static void collect(Element element, List<TextNode> texts) {
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode text) {
				texts.add(text);
			}
			else if (child instanceof Element inner && !inner.nameIs("a") && !inner.nameIs("code")
					&& !inner.nameIs("pre")) {
				collect(inner, texts);
			}
		}
	}

}
