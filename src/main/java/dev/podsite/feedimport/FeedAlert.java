package dev.podsite.feedimport;

import java.util.Optional;

import dev.podsite.support.HostNotice;

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
	static Optional<HostNotice> of(ImportRunRepository runs) {
		Optional<ImportRun> latestFetch = runs.findLatestFetch();
		if (latestFetch.isEmpty() || latestFetch.get().getStatus() != ImportStatus.FAILED) {
			return Optional.empty();
		}
		ImportRun run = latestFetch.get();
		Integer status = run.getHttpStatus();
		if (status != null && status == GONE) {
			return Optional.of(HostNotice.of("import.alert.gone", run.getFeedUrl()));
		}
		int notFoundInARow = (status != null && status == NOT_FOUND)
				? runs.countLatestFailuresInARowAnswering(NOT_FOUND) : 0;
		if (notFoundInARow >= 2) {
			return Optional.of(HostNotice.of("import.alert.notFound", run.getFeedUrl(), notFoundInARow));
		}
		return Optional.empty();
	}

}
