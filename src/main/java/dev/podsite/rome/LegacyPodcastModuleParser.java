package dev.podsite.rome;

/**
 * Reads feeds that still declare the namespace's old URI into the same module.
 */
public class LegacyPodcastModuleParser extends PodcastModuleParser {

	public LegacyPodcastModuleParser() {
		super(Podcast.LEGACY_URI);
	}

}
