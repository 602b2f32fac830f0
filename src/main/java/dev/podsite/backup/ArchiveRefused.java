package dev.podsite.backup;

import dev.podsite.support.HostNotice;

/**
 * An archive the site does not restore, and why: nothing of the site was changed.
 */
public class ArchiveRefused extends Exception {

	private final HostNotice reason;

	ArchiveRefused(HostNotice reason, Throwable cause) {
		super(reason.english(), cause);
		this.reason = reason;
	}

	ArchiveRefused(HostNotice reason) {
		super(reason.english());
		this.reason = reason;
	}

	/** Why, in the reader's language. */
	public HostNotice reason() {
		return this.reason;
	}

}
