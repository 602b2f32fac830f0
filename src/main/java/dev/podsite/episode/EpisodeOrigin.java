package dev.podsite.episode;

/**
 * Where an episode came from.
 */
public enum EpisodeOrigin {

	/** Imported from the show's feed. */
	FEED,

	/** Written by the host in the admin. */
	HOST

}
