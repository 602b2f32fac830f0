/**
 * Search: {@code /search} over the published episodes (titles, notes, links, people,
 * chapters and transcripts), ranked by PostgreSQL's full-text search on the tables V11
 * keeps up to date, and {@code /links}, every link the notes mention, by site.
 */
@ApplicationModule(allowedDependencies = { "support" })
@NullMarked
package dev.podsite.search;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
