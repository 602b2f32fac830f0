package dev.podsite.feedimport;

import org.jspecify.annotations.Nullable;

import dev.podsite.support.HostNotice;

/**
 * An import that cannot go on, with a reason a host understands (in English as the
 * exception's message, for the log; in the reader's language on the dashboard), and the
 * HTTP status the feed's server answered when that was the reason.
 */
class FeedImportException extends Exception {

	private final HostNotice reason;

	private final @Nullable Integer httpStatus;

	FeedImportException(HostNotice reason) {
		this(reason, (Throwable) null);
	}

	FeedImportException(HostNotice reason, @Nullable Throwable cause) {
		super(reason.english(), cause);
		this.reason = reason;
		this.httpStatus = null;
	}

	FeedImportException(HostNotice reason, int httpStatus) {
		super(reason.english());
		this.reason = reason;
		this.httpStatus = httpStatus;
	}

	/** Why, as the dashboard says it. */
	HostNotice reason() {
		return this.reason;
	}

	/** The status the feed's server answered instead of the feed, or null. */
	@Nullable Integer httpStatus() {
		return this.httpStatus;
	}

}
