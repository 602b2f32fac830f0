package dev.podsite.feedimport;

import org.jspecify.annotations.Nullable;

/**
 * An import that cannot go on, with a reason in words a host understands, and the HTTP
 * status the feed's server answered when that was the reason.
 */
class FeedImportException extends Exception {

	private final @Nullable Integer httpStatus;

	FeedImportException(String message) {
		this(message, (Throwable) null);
	}

	FeedImportException(String message, @Nullable Throwable cause) {
		super(message, cause);
		this.httpStatus = null;
	}

	FeedImportException(String message, int httpStatus) {
		super(message);
		this.httpStatus = httpStatus;
	}

	/** The status the feed's server answered instead of the feed, or null. */
	@Nullable Integer httpStatus() {
		return this.httpStatus;
	}

}
