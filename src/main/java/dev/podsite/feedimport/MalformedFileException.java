package dev.podsite.feedimport;

/**
 * A chapter or transcript file that cannot be read, with the reason as the end of a
 * sentence about the file: "is not JSON (…)", "holds no cues".
 */
class MalformedFileException extends Exception {

	MalformedFileException(String reason) {
		super(reason);
	}

}
