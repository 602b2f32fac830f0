package dev.podsite.feedimport;

/**
 * What an import changed.
 */
public record ImportCounts(int created, int updated, int unchanged, int hidden) {

	boolean changedAnything() {
		return this.created + this.updated + this.hidden > 0;
	}

}
