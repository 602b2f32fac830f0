package dev.podsite.feedimport;

public enum ImportStatus {

	RUNNING("Running"), SUCCEEDED("Succeeded"), FAILED("Failed"),

	/** The feed was as last imported: nothing was read or written. */
	UNCHANGED("No change"),

	/** Another instance held the import lock. */
	SKIPPED("Skipped: another instance was importing");

	private final String label;

	ImportStatus(String label) {
		this.label = label;
	}

	public String getLabel() {
		return this.label;
	}

}
