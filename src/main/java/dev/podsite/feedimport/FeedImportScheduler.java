package dev.podsite.feedimport;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Imports right after start-up, then every {@code podsite.feed.refresh}: it looks often
 * (a fifth of the interval, at most a minute apart) whether an import is due, and the
 * importer decides across all instances, so several instances import about once per
 * interval between them.
 */
@Component
@ConditionalOnBooleanProperty(name = "podsite.feed.schedule", matchIfMissing = true)
class FeedImportScheduler implements SchedulingConfigurer {

	private static final Duration LONGEST_TICK = Duration.ofMinutes(1);

	private static final Duration WEBSUB_TICK = Duration.ofMinutes(5);

	static final Duration ARTWORK_TICK = Duration.ofMinutes(10);

	/**
	 * The artwork's first look, once the site has served its first pages: it renders and
	 * reads the whole published feed (seconds of CPU for 2,000 episodes), which at
	 * start-up took the cores from the first page.
	 */
	static final Duration ARTWORK_FIRST = Duration.ofMinutes(1);

	private final FeedImporter importer;

	private final Duration tick;

	private final WebSubSubscriber websub;

	private final ArtworkMeasurements artwork;

	FeedImportScheduler(FeedImporter importer, FeedImportProperties properties, WebSubSubscriber websub,
			ArtworkMeasurements artwork) {
		this.importer = importer;
		this.websub = websub;
		this.artwork = artwork;
		Duration fifth = properties.refresh().dividedBy(5);
		this.tick = (fifth.compareTo(LONGEST_TICK) > 0) ? LONGEST_TICK : fifth;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.importer::importIfDue, this.tick);
		// Subscribes once an import found a hub in the feed, and renews in time.
		registrar.addFixedDelayTask(this.websub::ensureSubscribed, WEBSUB_TICK);
		// Hands the downloads to the artwork's own thread: a slow image server holds
		// neither an import nor the data-version poll.
		registrar.addFixedDelayTask(new FixedDelayTask(this.artwork::measureSoon, ARTWORK_TICK, ARTWORK_FIRST));
	}

}
