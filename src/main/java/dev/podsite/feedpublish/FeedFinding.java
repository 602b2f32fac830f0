package dev.podsite.feedpublish;

import java.util.Set;

import org.jspecify.annotations.Nullable;

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
			return "feedcheck.severity." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** The directories whose requirements the check knows. */
	public enum Directory {

		APPLE, SPOTIFY, PODCAST_INDEX;

		public String messageKey() {
			return "feedcheck.directory." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
