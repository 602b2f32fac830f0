package dev.podsite.feedimport;

import java.time.Instant;

import dev.podsite.support.Hashes;
import org.jspecify.annotations.Nullable;

/**
 * Which episode an item is: its guid, else its enclosure URL, else its link, else a hash
 * of its title and date. The same identity on the next import is the same episode.
 */
final class EpisodeIdentity {

	private EpisodeIdentity() {
	}

	static String of(@Nullable String guid, @Nullable String enclosureUrl, @Nullable String link, String title,
			@Nullable Instant publishedAt) {
		for (String candidate : new String[] { guid, enclosureUrl, link }) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate.trim();
			}
		}
		return "sha256:" + Hashes.sha256(title + "\n" + publishedAt);
	}

}
