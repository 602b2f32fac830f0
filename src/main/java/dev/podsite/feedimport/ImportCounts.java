package dev.podsite.feedimport;

/**
 * What an import changed.
 *
 * @param showChanged whether the show's own fields changed
 */
record ImportCounts(int created, int updated, int unchanged, int hidden, boolean showChanged) {

	boolean changedAnything() {
		return this.showChanged || this.created > 0 || this.updated > 0 || this.hidden > 0;
	}

}
