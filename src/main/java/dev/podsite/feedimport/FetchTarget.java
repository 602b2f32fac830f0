package dev.podsite.feedimport;

import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;

/**
 * What a fetch brings, for its limits and its words: the feed, or a file an item points
 * to.
 *
 * @param key what it is, in the message keys: "feed", "chapters", "transcript"
 * @param accept the Accept header of its requests
 * @param maxBytes the largest body accepted, after decompression
 * @param maxBytesProperty the setting of that limit, named in the refusal
 */
record FetchTarget(String key, String accept, long maxBytes, String maxBytesProperty) {

	static FetchTarget feed(long maxBytes) {
		return new FetchTarget("feed",
				"application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5", maxBytes,
				"podsite.feed.max-bytes");
	}

	/** "The feed at https://…". */
	HostNotice at(Object url) {
		return HostNotice.of("fetch.at." + this.key, url);
	}

	/** "the feed at https://…", inside a sentence. */
	HostNotice the(Object url) {
		return HostNotice.of("fetch.the." + this.key, url);
	}

	/** "the feed", "the transcript". */
	HostNotice what() {
		return HostNotice.of("fetch.what." + this.key);
	}

	/** The limit in words: "50 MB", "5 MB", "512 KB". */
	HostNotice maxSize() {
		long mb = 1024 * 1024;
		if (this.maxBytes % mb == 0 || this.maxBytes > 10 * mb) {
			return HostNotice.of("size.mb", this.maxBytes / mb);
		}
		return (this.maxBytes % 1024 == 0) ? HostNotice.of("size.kb", this.maxBytes / 1024)
				: HostNotice.of("size.bytes", this.maxBytes, Counts.form(this.maxBytes));
	}

}
