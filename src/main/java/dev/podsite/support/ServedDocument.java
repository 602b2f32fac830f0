package dev.podsite.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * A document the site renders once per change and serves from memory (the feed, the
 * sitemap, robots.txt): its bytes, gzipped once, and the validators for conditional GETs.
 *
 * @param body the document
 * @param gzipped the same document gzipped, for clients that accept it
 * @param etag a strong validator of {@code body}
 * @param gzipEtag the gzipped bytes' own strong validator: they are not the same bytes
 * @param lastModified when the data it shows last changed, to the second
 * @param lastModifiedHeader the same as the header writes it
 */
public record ServedDocument(byte[] body, byte[] gzipped, String etag, String gzipEtag, Instant lastModified,
		String lastModifiedHeader) implements ServedDocuments {

	public static ServedDocument of(byte[] body, Instant lastModified) {
		String hash = Hashes.etag(body);
		Instant seconds = lastModified.truncatedTo(ChronoUnit.SECONDS);
		return new ServedDocument(body, gzip(body), "\"" + hash + "\"", "\"" + hash + "-gzip\"", seconds,
				DateTimeFormatter.RFC_1123_DATE_TIME.format(seconds.atOffset(ZoneOffset.UTC)));
	}

	/** A set of one: this document, at whichever address its filter serves. */
	@Override
	public @Nullable ServedDocument find(String path) {
		return this;
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
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
		return "ServedDocument[" + this.body.length + " bytes, etag " + this.etag + "]";
	}

}
