package dev.podsite.feedimport;

/**
 * What an import changed.
 */
record ImportCounts(int created, int updated, int unchanged, int hidden) {

}
