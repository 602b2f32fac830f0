package dev.podsite.feedimport;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The time one import may take ({@code podsite.feed.import-timeout}), from its start. The
 * fetch and the write get what is left of it; the steps between check it, the mapping
 * after each item. Past it, the import stops and nothing is changed.
 */
final class ImportBudget {

	private final Duration budget;

	private final long deadlineNanos;

	private ImportBudget(Duration budget) {
		this.budget = budget;
		this.deadlineNanos = System.nanoTime() + budget.toNanos();
	}

	static ImportBudget startingNow(Duration budget) {
		return new ImportBudget(budget);
	}

	/** As good as none: for the bundled snapshot, and for tests of other limits. */
	static ImportBudget unlimited() {
		return new ImportBudget(Duration.ofDays(365));
	}

	/** The time left, zero when none. */
	Duration remaining() {
		long left = this.deadlineNanos - System.nanoTime();
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

	boolean isOver() {
		return this.deadlineNanos - System.nanoTime() <= 0;
	}

	void check() throws FeedImportException {
		if (isOver()) {
			throw exceeded(null);
		}
	}

	FeedImportException exceeded(@Nullable Throwable cause) {
		return new FeedImportException("The import took longer than the " + FetchDeadline.inWords(this.budget)
				+ " it may take (podsite.feed.import-timeout) and was stopped; nothing was changed.", cause);
	}

}
