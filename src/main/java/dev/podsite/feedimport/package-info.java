/**
 * The scheduled import of the show's feed: fetching, parsing, mapping, the cluster-wide
 * lock and the record of every run.
 */
@ApplicationModule(allowedDependencies = { "support", "notes", "rome", "show", "episode", "feedpublish" })
@NullMarked
package dev.podsite.feedimport;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
