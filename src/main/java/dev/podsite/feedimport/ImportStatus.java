package dev.podsite.feedimport;

/**
 * How an import ended; the dashboard names each with admin.importStatus.*.
 */
public enum ImportStatus {

	RUNNING, SUCCEEDED, FAILED,

	/** The feed was as last imported: nothing was read or written. */
	UNCHANGED,

	/** Another instance held the import lock. */
	SKIPPED

}
