package dev.podsite.episode;

import org.jspecify.annotations.Nullable;

/**
 * A season and a type that published episodes have.
 */
record EpisodeKind(@Nullable Integer season, @Nullable EpisodeType type) {

}
