package dev.podsite.episode;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where an episode stands, as the host's lists show it.
 */
public enum EpisodeState {

	PUBLISHED("Published"), SCHEDULED("Scheduled"), DRAFT("Draft"), LEFT_THE_FEED("Left the feed"), DELETED("Deleted");

	private final String label;

	EpisodeState(String label) {
		this.label = label;
	}

	public static EpisodeState of(@Nullable Instant deletedAt, boolean hidden, EpisodeStatus status,
			Instant publishedAt, Instant now) {
		if (deletedAt != null) {
			return DELETED;
		}
		if (hidden) {
			return LEFT_THE_FEED;
		}
		if (status == EpisodeStatus.DRAFT) {
			return DRAFT;
		}
		return publishedAt.isAfter(now) ? SCHEDULED : PUBLISHED;
	}

	public String getLabel() {
		return this.label;
	}

}
