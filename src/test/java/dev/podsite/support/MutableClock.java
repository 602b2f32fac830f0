package dev.podsite.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets and moves, to stand in for the application's {@link Clock} bean
 * (with {@code @TestBean}). It follows the system clock until a test sets it.
 */
public final class MutableClock extends Clock {

	private volatile Instant fixed;

	/** Follows the system clock again. */
	public void reset() {
		this.fixed = null;
	}

	public void set(Instant instant) {
		this.fixed = instant;
	}

	public void advance(Duration duration) {
		set(instant().plus(duration));
	}

	@Override
	public Instant instant() {
		Instant now = this.fixed;
		return (now != null) ? now : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The application works in UTC");
	}

}
