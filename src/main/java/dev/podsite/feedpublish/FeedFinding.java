package dev.podsite.feedpublish;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Something a podcast directory would flag in a feed.
 *
 * @param code what it is; {@code feedcheck.finding.<code>} in the message bundles says it
 * to the host
 * @param severity how much it matters
 * @param episode the title (or guid) of the episode concerned, null for the whole feed
 * @param detail the value at fault (an address, a size), null when there is none
 * @param directories the directories that care
 */
public record FeedFinding(String code, Severity severity, @Nullable String episode, @Nullable String detail,
		Set<Directory> directories) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Findings as stored: a JSON array of objects. */
	public static String toJson(List<FeedFinding> findings) {
		ArrayNode array = JSON.createArrayNode();
		for (FeedFinding finding : findings) {
			ObjectNode node = array.addObject();
			node.put("code", finding.code());
			node.put("severity", finding.severity().name());
			node.put("episode", finding.episode());
			node.put("detail", finding.detail());
			ArrayNode directories = node.putArray("directories");
			finding.directories().forEach((directory) -> directories.add(directory.name()));
		}
		return JSON.writeValueAsString(array);
	}

	/** Findings as {@link #toJson} stored them. */
	public static List<FeedFinding> listFromJson(String json) {
		List<FeedFinding> findings = new ArrayList<>();
		for (JsonNode node : JSON.readTree(json)) {
			Set<Directory> directories = EnumSet.noneOf(Directory.class);
			node.path("directories").forEach((directory) -> directories.add(Directory.valueOf(directory.asString())));
			findings
				.add(new FeedFinding(node.path("code").asString(), Severity.valueOf(node.path("severity").asString()),
						text(node.get("episode")), text(node.get("detail")), directories));
		}
		return findings;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	/** The message key of the finding. */
	public String messageKey() {
		return "feedcheck.finding." + this.code;
	}

	/** How much a finding matters, worst first. */
	public enum Severity {

		/** The directory refuses the feed or the episode. */
		ERROR,

		/** The directory accepts it, but listeners may miss something. */
		WARNING,

		/** What the check could not know. */
		INFO;

		public String messageKey() {
			return "feedcheck.severity." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** The directories whose requirements the check knows. */
	public enum Directory {

		APPLE, SPOTIFY, PODCAST_INDEX;

		public String messageKey() {
			return "feedcheck.directory." + name().toLowerCase(Locale.ROOT);
		}

	}

}
