package dev.podsite.feedimport;

/**
 * Published after an import changed the site's data, so caches can drop what they hold.
 */
public record FeedImported(ImportCounts counts) {

}
