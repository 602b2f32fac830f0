/**
 * Episodes: the public pages, the catalog listeners read, and the one writer of the
 * episodes, for the import ({@code FeedEpisodes}) and the host ({@code EpisodeEditor}).
 */
@ApplicationModule(allowedDependencies = { "support", "notes" })
@NullMarked
package dev.podsite.episode;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
