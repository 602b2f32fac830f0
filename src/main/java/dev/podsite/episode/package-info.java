/**
 * Episodes and the people they credit: the public pages (episodes, people), the catalog
 * listeners read ({@code EpisodeCatalog}, {@code People}), and the one writer of both,
 * for the import ({@code FeedEpisodes}) and the host ({@code EpisodeEditor},
 * {@code PeopleEditor}).
 */
@ApplicationModule(allowedDependencies = { "support", "notes" })
@NullMarked
package dev.podsite.episode;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
