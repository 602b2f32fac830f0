package dev.podsite.feedpublish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPOutputStream;

import dev.podsite.support.Hashes;

/**
 * The feed as served: its bytes, gzipped once, and the validators for conditional GETs.
 *
 * @param xml the document
 * @param gzipped the same document gzipped, for clients that accept it
 * @param etag a strong validator of {@code xml}
 * @param gzipEtag the gzipped bytes' own strong validator: they are not the same bytes
 * @param lastModified when the show's data last changed, to the second
 * @param lastModifiedHeader the same as the header writes it
 * @param items how many items the feed carries
 */
record RenderedFeed(byte[] xml, byte[] gzipped, String etag, String gzipEtag, Instant lastModified,
		String lastModifiedHeader, int items) {

	static RenderedFeed of(byte[] xml, Instant lastModified, int items) {
		String hash = Hashes.etag(xml);
		Instant seconds = lastModified.truncatedTo(ChronoUnit.SECONDS);
		return new RenderedFeed(xml, gzip(xml), "\"" + hash + "\"", "\"" + hash + "-gzip\"", seconds,
				DateTimeFormatter.RFC_1123_DATE_TIME.format(seconds.atOffset(ZoneOffset.UTC)), items);
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

}
