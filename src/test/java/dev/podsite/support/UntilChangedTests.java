package dev.podsite.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.podsite.support.UntilChanged.Expiring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UntilChangedTests {

	private final MutableClock clock = new MutableClock();

	private final UntilChanged<Integer> kept = new UntilChanged<>(this.clock);

	private final AtomicInteger loads = new AtomicInteger();

	@Test
	void keepsTheValueUntilTheShowChanges() {
		assertThat(this.kept.get(this::load)).isEqualTo(1);
		assertThat(this.kept.get(this::load)).isEqualTo(1);
		this.kept.invalidate();
		assertThat(this.kept.get(this::load)).isEqualTo(2);
	}

	@Test
	void keepsTheValueUntilItExpiresByItself() {
		Instant until = this.clock.instant().plusSeconds(60);
		assertThat(this.kept.get(() -> new Expiring<>(this.loads.incrementAndGet(), until))).isEqualTo(1);
		this.clock.now = until.minusMillis(1);
		assertThat(this.kept.get(() -> new Expiring<>(this.loads.incrementAndGet(), until))).isEqualTo(1);
		this.clock.now = until;
		assertThat(this.kept.get(() -> new Expiring<>(this.loads.incrementAndGet(), until))).isEqualTo(2);
	}

	@Test
	void aValueLoadedWhileTheShowChangedIsNotKept() {
		assertThat(this.kept.get(() -> {
			this.kept.invalidate();
			return load();
		})).isEqualTo(1);
		assertThat(this.kept.get(this::load)).isEqualTo(2);
	}

	@Test
	void manyRequestsAfterAChangeCostOneLoad() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> this.kept.get(() -> {
					started.countDown();
					await(release);
					return load();
				})));
			}
			assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
			Thread.sleep(100);
			release.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(1);
			}
			assertThat(this.loads).hasValue(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Expiring<Integer> load() {
		return Expiring.never(this.loads.incrementAndGet());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
