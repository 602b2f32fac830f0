package dev.podsite.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256 fingerprints: of imported content (an unchanged item costs no write) and of
 * served bytes (ETags).
 */
public final class Hashes {

	private Hashes() {
	}

	/** The hex SHA-256 of the text's UTF-8 bytes. */
	public static String sha256(String text) {
		return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** The hex SHA-256 of the parts, one after the other. */
	public static String sha256(byte[]... parts) {
		return HexFormat.of().formatHex(digest(parts));
	}

	/** A short, strong ETag value: 27 URL-safe characters of the bytes' SHA-256. */
	public static String etag(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(bytes)).substring(0, 27);
	}

	private static byte[] digest(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
