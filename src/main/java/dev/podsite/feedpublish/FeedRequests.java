package dev.podsite.feedpublish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code podsite.feed.requests}: what {@code /feed.xml} answered, by status: 200 (the
 * feed), 304 (the app had it already) or other (a move, not ready yet, another method).
 * The counters are made once: counting a poll costs an increment, no tags.
 */
class FeedRequests {

	private final Counter ok;

	private final Counter notModified;

	private final Counter other;

	FeedRequests(MeterRegistry registry) {
		this.ok = counter(registry, "200");
		this.notModified = counter(registry, "304");
		this.other = counter(registry, "other");
	}

	void answered(int status) {
		switch (status) {
			case 200 -> this.ok.increment();
			case 304 -> this.notModified.increment();
			default -> this.other.increment();
		}
	}

	private static Counter counter(MeterRegistry registry, String status) {
		return Counter.builder("podsite.feed.requests")
			.description("Requests for the feed, by the status answered")
			.tag("status", status)
			.register(registry);
	}

}
