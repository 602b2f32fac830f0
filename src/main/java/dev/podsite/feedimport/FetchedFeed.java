package dev.podsite.feedimport;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * A feed's bytes as the source sent them, decompressed, or the source's word that the
 * feed has not changed.
 *
 * @param url where the body finally came from (after redirects)
 * @param body the document; empty when not modified
 * @param contentType the HTTP Content-Type, or null for files
 * @param etag the source's ETag, if it sent one
 * @param lastModified the source's Last-Modified, if it sent one
 * @param notModified whether the source answered 304 to a conditional GET
 * @param movedTo where the address asked for moved for good: the last address reached
 * through permanent redirects only (301, 308) from it, or null when none
 */
record FetchedFeed(URI url, byte[] body, @Nullable String contentType, @Nullable String etag,
		@Nullable String lastModified, boolean notModified, @Nullable PermanentRedirect movedTo) {

	FetchedFeed(URI url, byte[] body, @Nullable String contentType) {
		this(url, body, contentType, null, null, false, null);
	}

	static FetchedFeed notModified(URI url, @Nullable String etag, @Nullable String lastModified,
			@Nullable PermanentRedirect movedTo) {
		return new FetchedFeed(url, new byte[0], null, etag, lastModified, true, movedTo);
	}

	/**
	 * @param to the address the redirects lead to
	 * @param status the last permanent redirect's status: 301 or 308
	 */
	record PermanentRedirect(URI to, int status) {
	}

}
