package dev.podsite.feedimport;

import java.time.Instant;

import dev.podsite.support.Hashes;

/**
 * Which episode an item is: its guid, else its enclosure URL, else its link, else a hash
 * of its title and date. The same identity on the next import is the same episode.
 */
final class EpisodeIdentity {

	private EpisodeIdentity() {
	}

	static String of(String guid, String enclosureUrl, String link, String title, Instant publishedAt) {
		for (String candidate : new String[] { guid, enclosureUrl, link }) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate.trim();
			}
		}
		return "sha256:" + Hashes.sha256(title + "\n" + publishedAt);
	}

}
