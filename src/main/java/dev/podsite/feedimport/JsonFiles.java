package dev.podsite.feedimport;

import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Podcasting 2.0 JSON files share: a document read into a tree (Jackson's limits
 * of nesting and number length stand), and lenient reading of its values.
 */
final class JsonFiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonFiles() {
	}

	/** The document's top object's {@code name} list. */
	static JsonNode list(String text, String name) throws MalformedFileException {
		if (text.isBlank()) {
			throw new MalformedFileException(HostNotice.of("file.empty"));
		}
		JsonNode root;
		try {
			root = JSON.readTree(TimedCues.lines(text));
		}
		catch (JacksonException ex) {
			throw new MalformedFileException(HostNotice.of("file.notJson", describe(ex)));
		}
		if (root == null || !root.isObject()) {
			throw new MalformedFileException(HostNotice.of("file.notJsonObject"));
		}
		JsonNode list = root.get(name);
		if (list == null || !list.isArray()) {
			throw new MalformedFileException(HostNotice.of("file.noList", name));
		}
		return list;
	}

	/** What is wrong, and where, without the parser's notes on its own settings. */
	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage().lines().findFirst().orElse("");
		int marker = message.indexOf(" (start marker at");
		message = (marker > 0) ? message.substring(0, marker) : message;
		TokenStreamLocation at = ex.getLocation();
		return (at != null && at.getLineNr() > 0)
				? message + ", at line " + at.getLineNr() + ", column " + at.getColumnNr() : message;
	}

	/** A time in seconds: a number, or a text such as "62.5" or "00:01:02.5". */
	static @Nullable Double seconds(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isNumber()) {
			return TimeCodes.seconds(value.doubleValue());
		}
		return value.isString() ? TimeCodes.seconds(value.stringValue()) : null;
	}

	/** A text value; null for any other kind of value. */
	static @Nullable String text(@Nullable JsonNode value) {
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

}
