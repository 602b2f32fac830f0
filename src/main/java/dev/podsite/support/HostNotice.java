package dev.podsite.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A sentence the site says to the host, kept as a message key and its arguments rather
 * than as words, so that it reads in the language of whoever reads it: the import's
 * warnings and reasons, an upload's refusal. An argument is a text, a number (formatted
 * for the reader's language) or another notice (a part of the sentence, said in the same
 * language). Spring's MessageSource resolves it as any {@link MessageSourceResolvable}.
 *
 * @param code the key in the message bundles
 * @param args its arguments: strings, numbers or notices
 */
public record HostNotice(String code, List<Object> args) implements MessageSourceResolvable {

	/** The key of a sentence stored as words before notices had keys. */
	public static final String VERBATIM = "notice.verbatim";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ResourceBundleMessageSource ENGLISH = englishBundle();

	public HostNotice {
		for (Object arg : args) {
			if (!(arg instanceof String || arg instanceof Number || arg instanceof HostNotice)) {
				throw new IllegalArgumentException("A notice's argument is a text, a number or a notice: " + arg);
			}
		}
		args = List.copyOf(args);
	}

	public static HostNotice of(String code, Object... args) {
		List<Object> list = new ArrayList<>();
		for (Object arg : args) {
			// What is neither a number nor a notice is said as its text (an address, an
			// exception).
			list.add((arg instanceof Number || arg instanceof HostNotice) ? arg : String.valueOf(arg));
		}
		return new HostNotice(code, list);
	}

	/**
	 * Words that have no key: said as they are, in whatever language they were written.
	 */
	public static HostNotice verbatim(String text) {
		return new HostNotice(VERBATIM, List.of(text));
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.args.toArray();
	}

	@Override
	public @Nullable String getDefaultMessage() {
		return null;
	}

	/** The sentence in English, for the site's log (operators read English). */
	public String english() {
		return ENGLISH.getMessage(this, Locale.ENGLISH);
	}

	/** The sentences in English, for the log. */
	public static List<String> english(List<HostNotice> notices) {
		return notices.stream().map(HostNotice::english).toList();
	}

	@Override
	public String toString() {
		return english();
	}

	/** As stored: {@code {"code": "…", "args": ["text", 42, {"code": …}]}}. */
	public String toJson() {
		return JSON.writeValueAsString(tree());
	}

	public static String toJson(List<HostNotice> notices) {
		ArrayNode array = JSON.createArrayNode();
		notices.forEach((notice) -> array.add(notice.tree()));
		return JSON.writeValueAsString(array);
	}

	public static HostNotice fromJson(String json) {
		return of(JSON.readTree(json));
	}

	public static List<HostNotice> listFromJson(String json) {
		List<HostNotice> notices = new ArrayList<>();
		JSON.readTree(json).forEach((node) -> notices.add(of(node)));
		return notices;
	}

	private ObjectNode tree() {
		ObjectNode node = JSON.createObjectNode();
		node.put("code", this.code);
		ArrayNode array = node.putArray("args");
		for (Object arg : this.args) {
			if (arg instanceof HostNotice notice) {
				array.add(notice.tree());
			}
			else if (arg instanceof Long number) {
				array.add(number);
			}
			else if (arg instanceof Integer number) {
				array.add(number);
			}
			else if (arg instanceof Number number) {
				array.add(number.doubleValue());
			}
			else {
				array.add((String) arg);
			}
		}
		return node;
	}

	private static HostNotice of(JsonNode node) {
		List<Object> args = new ArrayList<>();
		for (JsonNode arg : node.path("args")) {
			if (arg.isObject()) {
				args.add(of(arg));
			}
			else if (arg.isIntegralNumber()) {
				args.add(arg.canConvertToInt() ? (Object) arg.intValue() : (Object) arg.longValue());
			}
			else if (arg.isNumber()) {
				args.add(arg.doubleValue());
			}
			else {
				args.add(arg.asString());
			}
		}
		return new HostNotice(Objects.requireNonNull(node.path("code").asString()), args);
	}

	/** The English bundle, read as Spring Boot reads it for pages. */
	private static ResourceBundleMessageSource englishBundle() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
