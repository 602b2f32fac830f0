package dev.podsite.feedpublish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The feed as served: its bytes, gzipped once, and the validators for conditional GETs.
 *
 * @param xml the document
 * @param gzipped the same document gzipped, for clients that accept it
 * @param etag a strong validator of {@code xml}; the gzipped bytes carry it with a suffix
 * @param lastModified when the show's data last changed, to the second
 * @param items how many items the feed carries
 */
record RenderedFeed(byte[] xml, byte[] gzipped, String etag, Instant lastModified, int items) {

	static RenderedFeed of(byte[] xml, Instant lastModified, int items) {
		return new RenderedFeed(xml, gzip(xml), "\"" + hash(xml) + "\"", lastModified.truncatedTo(ChronoUnit.SECONDS),
				items);
	}

	/**
	 * Strong validators differ per representation: the gzipped bytes are not the same
	 * bytes.
	 */
	String gzipEtag() {
		return this.etag.substring(0, this.etag.length() - 1) + "-gzip\"";
	}

	private static String hash(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	@Override
	public String toString() {
		return "RenderedFeed[" + this.items + " items, " + this.xml.length + " bytes, etag " + this.etag + "]";
	}

	String text() {
		return new String(this.xml, StandardCharsets.UTF_8);
	}

}
