package dev.podsite.feedimport;

/**
 * An import that cannot go on, with a reason in words a host understands.
 */
class FeedImportException extends Exception {

	FeedImportException(String message) {
		super(message);
	}

	FeedImportException(String message, Throwable cause) {
		super(message, cause);
	}

}
