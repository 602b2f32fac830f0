package dev.podsite.feedimport;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;

/**
 * The one time limit of a whole fetch. {@link java.net.http.HttpRequest#timeout} ends
 * when the headers arrive; to bound the body too, the stream is closed when the time is
 * over, which ends a read that is waiting for the next byte.
 */
final class FetchDeadline {

	/** One daemon thread closes late bodies; it ends itself when idle. */
	private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

	private final long deadlineNanos;

	private volatile boolean over;

	private FetchDeadline(Duration limit) {
		this.deadlineNanos = System.nanoTime() + limit.toNanos();
	}

	static FetchDeadline after(Duration limit) {
		return new FetchDeadline(limit);
	}

	/** The time left, zero when none. */
	Duration remaining() {
		long left = this.deadlineNanos - System.nanoTime();
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

	/** Whether the deadline closed a body before it was read whole. */
	boolean isOver() {
		return this.over;
	}

	/** Closes {@code body} at the deadline unless the watch is finished before. */
	Watch closeWhenOver(InputStream body) {
		Watch watch = new Watch(body);
		watch.task = WATCHDOG.schedule(watch::expire, Math.max(remaining().toNanos(), 1), TimeUnit.NANOSECONDS);
		return watch;
	}

	static HostNotice inWords(Duration duration) {
		if (duration.toMillis() % 1000 != 0) {
			return HostNotice.of("time.ms", duration.toMillis());
		}
		long seconds = duration.toSeconds();
		if (seconds >= 60 && seconds % 60 == 0) {
			long minutes = seconds / 60;
			return HostNotice.of("time.minutes", minutes, Counts.form(minutes));
		}
		return HostNotice.of("time.seconds", seconds, Counts.form(seconds));
	}

	private static ScheduledThreadPoolExecutor watchdog() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "feed-fetch-deadline");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		executor.setKeepAliveTime(1, TimeUnit.MINUTES);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/** Watches one body; either the reader finishes it or the deadline closes it. */
	final class Watch implements AutoCloseable {

		private final InputStream body;

		private final AtomicBoolean settled = new AtomicBoolean();

		private ScheduledFuture<?> task;

		private Watch(InputStream body) {
			this.body = body;
		}

		/**
		 * Ends the watch; false when the deadline came first, so what was read may be cut
		 * short.
		 */
		boolean finishedInTime() {
			boolean inTime = this.settled.compareAndSet(false, true);
			this.task.cancel(false);
			return inTime;
		}

		private void expire() {
			if (this.settled.compareAndSet(false, true)) {
				FetchDeadline.this.over = true;
				try {
					this.body.close();
				}
				catch (IOException ex) {
					// closing is all that was wanted
				}
			}
		}

		@Override
		public void close() {
			finishedInTime();
		}

	}

}
