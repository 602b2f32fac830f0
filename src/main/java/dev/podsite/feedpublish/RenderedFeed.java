package dev.podsite.feedpublish;

import java.time.Instant;

import dev.podsite.support.ContentCoding;
import dev.podsite.support.ServedDocument;
import dev.podsite.support.ServedDocuments;
import org.jspecify.annotations.Nullable;

/**
 * The feed as served: the document with its compressed forms and validators, and how many
 * items it carries.
 */
record RenderedFeed(ServedDocument document, int items) implements ServedDocuments {

	static RenderedFeed of(byte[] xml, Instant lastModified, int items) {
		return new RenderedFeed(ServedDocument.of(xml, lastModified), items);
	}

	byte[] xml() {
		return this.document.body();
	}

	byte[] gzipped() {
		return this.document.gzipped();
	}

	String etag() {
		return this.document.etag();
	}

	String gzipEtag() {
		return this.document.encoded().etag(ContentCoding.GZIP);
	}

	String lastModifiedHeader() {
		return this.document.lastModifiedHeader();
	}

	@Override
	public @Nullable ServedDocument find(String path) {
		return this.document;
	}

	@Override
	public String toString() {
		return "RenderedFeed[" + this.items + " items, " + this.document.body().length + " bytes, etag "
				+ this.document.etag() + "]";
	}

}
