package dev.podsite.backup;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Starts a new site from an archive ({@code podsite.backup.restore-from}): once every
 * bean is made (the schema migrated), before the scheduled import starts and before the
 * server takes requests. A site that holds data already keeps it, and says why it did not
 * restore; an archive it cannot restore stops the start, so nobody mistakes an empty site
 * for a restored one.
 */
@Component
// Made at start-up even when beans are made on first use (lazy initialization): a
// restore must end before the first import and the first request.
@Lazy(false)
class RestoreAtStart implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(RestoreAtStart.class);

	private final BackupProperties properties;

	private final SiteArchive archive;

	RestoreAtStart(BackupProperties properties, SiteArchive archive) {
		this.properties = properties;
		this.archive = archive;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Path from = this.properties.restoreFrom();
		if (from == null) {
			return;
		}
		try {
			this.archive.restore(from);
		}
		catch (ArchiveRefused ex) {
			if ("backup.refused.notEmpty".equals(ex.reason().code())) {
				log.warn("Not restored from {}: {} Unset podsite.backup.restore-from.", from, ex.getMessage());
				return;
			}
			throw new IllegalStateException("Could not restore the site from " + from + ": " + ex.getMessage(), ex);
		}
	}

}
