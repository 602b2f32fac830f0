package dev.podsite.feedimport;

import java.util.Optional;

/**
 * What the dashboard shouts about the feed's source: a feed its server says is gone for
 * good (410), or one it has not found several times in a row (404). Other failures pass
 * with time and only show in the list of imports.
 */
final class FeedAlert {

	private static final int GONE = 410;

	private static final int NOT_FOUND = 404;

	private FeedAlert() {
	}

	/** The alert, or empty when there is nothing to shout about. */
	static Optional<String> of(ImportRunRepository runs) {
		Optional<ImportRun> latestFetch = runs.findLatestFetch();
		if (latestFetch.isEmpty() || latestFetch.get().getStatus() != ImportStatus.FAILED) {
			return Optional.empty();
		}
		ImportRun run = latestFetch.get();
		Integer status = run.getHttpStatus();
		if (status != null && status == GONE) {
			return Optional.of("The feed at " + run.getFeedUrl() + " is gone (410): its host says it was removed"
					+ " for good. Check the feed's address (podsite.feed.url): the show may have moved to a new feed,"
					+ " which its host or its web page names. Until then the site keeps the episodes it has.");
		}
		int notFoundInARow = (status != null && status == NOT_FOUND)
				? runs.countLatestFailuresInARowAnswering(NOT_FOUND) : 0;
		if (notFoundInARow >= 2) {
			return Optional.of("The feed at " + run.getFeedUrl() + " has not been found " + notFoundInARow
					+ " times in a row (404). Check the feed's address (podsite.feed.url): the show may have moved,"
					+ " or its host removed the feed. Until then the site keeps the episodes it has.");
		}
		return Optional.empty();
	}

}
