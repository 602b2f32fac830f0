package dev.podsite.episode;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An episode in the host's lists: read without its notes.
 */
public record EpisodeRow(Long id, String slug, String title, Instant publishedAt, EpisodeOrigin origin,
		EpisodeStatus status, boolean hidden, @Nullable Instant deletedAt, List<String> overrides) {

	public EpisodeState state(Instant now) {
		return EpisodeState.of(this.deletedAt, this.hidden, this.status, this.publishedAt, now);
	}

	public boolean imported() {
		return this.origin == EpisodeOrigin.FEED;
	}

}
