package dev.podsite.feedimport;

import java.net.URI;

/**
 * A feed's bytes as the source sent them, decompressed.
 *
 * @param url where the body finally came from (after redirects)
 * @param body the document
 * @param contentType the HTTP Content-Type, or null for files
 */
record FetchedFeed(URI url, byte[] body, String contentType) {

}
