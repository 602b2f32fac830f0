package dev.podsite.feedimport;

import dev.podsite.support.HostNotice;

/**
 * A chapter or transcript file that cannot be read, with the reason as the end of a
 * sentence about the file ("is not JSON (…)", "holds no cues"): a notice of the file.*
 * keys, said in the reader's language.
 */
class MalformedFileException extends Exception {

	private final HostNotice reason;

	MalformedFileException(HostNotice reason) {
		super(reason.english());
		this.reason = reason;
	}

	HostNotice reason() {
		return this.reason;
	}

}
