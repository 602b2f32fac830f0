package dev.podsite.feedimport;

import java.time.Duration;

import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * The time one import may take ({@code podsite.feed.import-timeout}), from its start. The
 * fetch and the write get what is left of it; the steps between check it, the mapping
 * after each item. Past it, the import stops and nothing is changed. The chapter and
 * transcript files fetched after the write have a budget of their own
 * ({@code podsite.media-files.time-budget}).
 */
final class ImportBudget {

	private final Duration budget;

	private final long deadlineNanos;

	private final boolean files;

	private ImportBudget(Duration budget, boolean files) {
		this.budget = budget;
		this.deadlineNanos = System.nanoTime() + budget.toNanos();
		this.files = files;
	}

	static ImportBudget startingNow(Duration budget) {
		return new ImportBudget(budget, false);
	}

	/** The time the chapter and transcript files of one import may take. */
	static ImportBudget forFiles(Duration budget) {
		return new ImportBudget(budget, true);
	}

	/** As good as none: for the bundled snapshot, and for tests of other limits. */
	static ImportBudget unlimited() {
		return new ImportBudget(Duration.ofDays(365), false);
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
		if (this.files) {
			return new FeedImportException(HostNotice.of("import.filesBudgetOver", FetchDeadline.inWords(this.budget)),
					cause);
		}
		return new FeedImportException(HostNotice.of("import.budgetOver", FetchDeadline.inWords(this.budget)), cause);
	}

}
