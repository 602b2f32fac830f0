package dev.podsite.system;

import java.util.concurrent.atomic.AtomicLong;

import dev.podsite.support.SiteContentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Carries changes of what listeners see to every instance of the site. A change a module
 * announces ({@link SiteContentChanged}) bumps a counter in PostgreSQL in the changing
 * transaction; every instance polls the counter and announces the changes other instances
 * made, so no copy (the show, pages, the feed) outlives a change by more than the poll
 * interval.
 */
@Component
class DataVersion {

	private static final Logger log = LoggerFactory.getLogger(DataVersion.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final AtomicLong seen = new AtomicLong(-1);

	DataVersion(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Bumps the version in the transaction of the change, once however many changes it
	 * announces. Changes learnt from the poll are outside any transaction: not counted
	 * again.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void bump(SiteContentChanged change) {
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		long version = this.jdbc
			.sql("UPDATE data_version SET version = version + 1, changed_at = now() RETURNING version")
			.query(Long.class)
			.single();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				// This instance announced its own change: the poll need not again. A
				// rolled-back number is used again, so it counts only once committed.
				DataVersion.this.seen.accumulateAndGet(version, Math::max);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(DataVersion.this);
			}

		});
	}

	/** Announces changes made by other instances. */
	@Scheduled(fixedDelayString = "${podsite.data-version.poll:PT2S}")
	void poll() {
		long version;
		try {
			version = this.jdbc.sql("SELECT version FROM data_version").query(Long.class).single();
		}
		catch (RuntimeException ex) {
			log.debug("Could not read the data version: {}", ex.getMessage());
			return;
		}
		long before = this.seen.getAndAccumulate(version, Math::max);
		// The first poll announces too: a copy made before it may predate a change
		// another instance committed while this one started.
		if (version > before) {
			log.debug("The site's data changed on another instance (version {})", version);
			this.events.publishEvent(new SiteContentChanged.OnAnotherInstance(version));
		}
	}

}
