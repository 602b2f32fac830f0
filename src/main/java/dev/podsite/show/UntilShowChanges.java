package dev.podsite.show;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Holds one value computed from the show's data until that data changes
 * ({@link #invalidate()} on {@link ShowChanged}) or until a given moment passes. A value
 * computed while a change happened is not kept, so no stale copy survives a change.
 *
 * @param <T> what is kept
 */
public final class UntilShowChanges<T> {

	private final Clock clock;

	private Kept<T> kept;

	private long changes;

	public UntilShowChanges(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The kept value, or a new one from {@code loader}.
	 * @param loader computes the value and the moment it expires on its own (null: never)
	 */
	public T get(Supplier<Expiring<T>> loader) {
		long before;
		synchronized (this) {
			if (this.kept != null && (this.kept.until() == null || this.clock.instant().isBefore(this.kept.until()))) {
				return this.kept.value();
			}
			before = this.changes;
		}
		Expiring<T> loaded = loader.get();
		synchronized (this) {
			if (this.changes == before) {
				this.kept = new Kept<>(loaded.value(), loaded.until());
			}
		}
		return loaded.value();
	}

	public synchronized void invalidate() {
		this.changes++;
		this.kept = null;
	}

	/**
	 * A value and when it stops being true by itself (a scheduled episode's time), or
	 * null.
	 */
	public record Expiring<T>(T value, Instant until) {

		public static <T> Expiring<T> never(T value) {
			return new Expiring<>(value, null);
		}

	}

	private record Kept<T>(T value, Instant until) {
	}

}
