package dev.podsite.feedimport;

public enum ImportStatus {

	RUNNING, SUCCEEDED, FAILED,

	/** Another instance held the import lock. */
	SKIPPED

}
