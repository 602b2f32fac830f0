package dev.podsite.feedimport;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the import right after start-up, then every {@code podsite.feed.refresh}.
 */
@Component
@ConditionalOnBooleanProperty(name = "podsite.feed.schedule", matchIfMissing = true)
class FeedImportScheduler {

	private final FeedImporter importer;

	FeedImportScheduler(FeedImporter importer) {
		this.importer = importer;
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${podsite.feed.refresh:PT15M}")
	void importFeed() {
		this.importer.importNow();
	}

}
