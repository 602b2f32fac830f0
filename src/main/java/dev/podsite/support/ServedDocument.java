package dev.podsite.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * A document the site renders once per change and serves from memory (the feed, the
 * sitemap, robots.txt): its bytes, compressed once (EncodedBody), and the validators for
 * conditional GETs.
 *
 * @param encoded the document, with its gzip and Brotli forms
 * @param lastModified when the data it shows last changed, to the second
 * @param lastModifiedHeader the same as the header writes it
 */
public record ServedDocument(EncodedBody encoded, Instant lastModified,
		String lastModifiedHeader) implements ServedDocuments {

	public static ServedDocument of(byte[] body, Instant lastModified) {
		Instant seconds = lastModified.truncatedTo(ChronoUnit.SECONDS);
		return new ServedDocument(EncodedBody.of(body), seconds,
				DateTimeFormatter.RFC_1123_DATE_TIME.format(seconds.atOffset(ZoneOffset.UTC)));
	}

	/** The document as it is. */
	public byte[] body() {
		return this.encoded.identity();
	}

	/** The document gzipped. */
	public byte[] gzipped() {
		return this.encoded.gzip();
	}

	/** A strong validator of {@link #body()}. */
	public String etag() {
		return this.encoded.etag(ContentCoding.IDENTITY);
	}

	/** A set of one: this document, at whichever address its filter serves. */
	@Override
	public @Nullable ServedDocument find(String path) {
		return this;
	}

	@Override
	public String toString() {
		return "ServedDocument[" + this.encoded + "]";
	}

}
