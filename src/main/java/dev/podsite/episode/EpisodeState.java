package dev.podsite.episode;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where an episode stands, as the host's lists show it (admin.state.*).
 */
public enum EpisodeState {

	PUBLISHED, SCHEDULED, DRAFT, LEFT_THE_FEED, DELETED;

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

}
