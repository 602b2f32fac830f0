package dev.podsite.support;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Holds one value computed from the site's data until that data changes
 * ({@link #invalidate()} on {@link SiteContentChanged}) or until a given moment passes. A
 * value computed while a change happened is not kept, so no stale copy survives a change.
 *
 * @param <T> what is kept
 */
public final class UntilChanged<T> {

	private final Clock clock;

	private final Object loading = new Object();

	// Read without a lock: every page asks for the show and the kept pages, and a
	// synchronized read made them queue behind each other under load.
	private volatile @Nullable Kept<T> kept;

	private long changes;

	public UntilChanged(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The kept value, or a new one from {@code loader}. One caller loads while the others
	 * wait for its value: a change under load costs one computation, not one per request.
	 * @param loader computes the value and the moment it expires on its own (null: never)
	 */
	public T get(Supplier<Expiring<T>> loader) {
		Kept<T> fresh = fresh();
		if (fresh != null) {
			return fresh.value();
		}
		synchronized (this.loading) {
			fresh = fresh();
			if (fresh != null) {
				return fresh.value();
			}
			long before;
			synchronized (this) {
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
	}

	private @Nullable Kept<T> fresh() {
		Kept<T> kept = this.kept;
		if (kept != null && (kept.until() == null || this.clock.instant().isBefore(kept.until()))) {
			return kept;
		}
		return null;
	}

	public synchronized void invalidate() {
		this.changes++;
		this.kept = null;
	}

	/**
	 * A value and when it stops being true by itself (a scheduled episode's time), or
	 * null.
	 */
	public record Expiring<T>(T value, @Nullable Instant until) {

		public static <T> Expiring<T> never(T value) {
			return new Expiring<>(value, null);
		}

	}

	private record Kept<T>(T value, @Nullable Instant until) {
	}

}
