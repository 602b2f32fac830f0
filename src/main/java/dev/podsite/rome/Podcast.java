package dev.podsite.rome;

import com.rometools.rome.feed.module.Module;

/**
 * The Podcasting 2.0 namespace ({@code podcast:}) as a Rome module:
 * {@link PodcastChannel} on the channel, {@link PodcastItem} on items. Feeds written with
 * the namespace's old URI parse into the same module.
 */
public interface Podcast extends Module {

	String URI = "https://podcastindex.org/namespace/1.0";

	/** The URI the namespace had before it moved; many feeds still declare it. */
	String LEGACY_URI = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md";

	String PREFIX = "podcast";

}
