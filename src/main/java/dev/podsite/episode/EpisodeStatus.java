package dev.podsite.episode;

/**
 * The host's choice: a draft stays private; a published episode is public from its date.
 */
public enum EpisodeStatus {

	DRAFT, PUBLISHED

}
