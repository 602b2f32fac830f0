package dev.podsite.feedimport;

import java.util.Locale;

/**
 * What a fetch brings, for its limits and its words: the feed, or a file an item points
 * to.
 *
 * @param name what it is in a sentence: "feed", "chapters file", "transcript"
 * @param accept the Accept header of its requests
 * @param maxBytes the largest body accepted, after decompression
 * @param maxBytesProperty the setting of that limit, named in the refusal
 */
record FetchTarget(String name, String accept, long maxBytes, String maxBytesProperty) {

	static FetchTarget feed(long maxBytes) {
		return new FetchTarget("feed",
				"application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5", maxBytes,
				"podsite.feed.max-bytes");
	}

	/** "The feed at https://…". */
	String at(Object url) {
		return "The " + this.name + " at " + url;
	}

	/** The limit in words: "50 MB", "5 MB", "512 KB". */
	String maxSize() {
		long mb = 1024 * 1024;
		if (this.maxBytes % mb == 0 || this.maxBytes > 10 * mb) {
			return (this.maxBytes / mb) + " MB";
		}
		return (this.maxBytes % 1024 == 0) ? (this.maxBytes / 1024) + " KB"
				: String.format(Locale.ROOT, "%,d bytes", this.maxBytes);
	}

}
