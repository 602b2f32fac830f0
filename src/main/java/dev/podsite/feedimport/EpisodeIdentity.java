package dev.podsite.feedimport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

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
		return "sha256:" + sha256(title + "\n" + publishedAt);
	}

	static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
