package dev.podsite.show;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance of the site that the show's data changed. A change bumps a counter
 * in PostgreSQL in the changing transaction and announces {@link ShowChanged} here once
 * it commits; every instance polls the counter and announces the changes other instances
 * made, so no copy (the show, the rendered feed) outlives a change by more than the poll
 * interval.
 */
@Component
public class ShowChanges {

	private static final Logger log = LoggerFactory.getLogger(ShowChanges.class);

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final AtomicLong seen = new AtomicLong(-1);

	ShowChanges(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Records a change; call it inside the transaction that makes the change. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed() {
		Long version = this.jdbc.queryForObject(
				"UPDATE data_version SET version = version + 1, changed_at = now() RETURNING version", Long.class);
		// This instance announces its own change (listeners run after the commit), and
		// counts it as seen once committed: a rolled-back number is used again.
		this.events.publishEvent(new ShowChanged());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				ShowChanges.this.seen.accumulateAndGet(version, Math::max);
			}

		});
	}

	/** Announces changes made by other instances. */
	@Scheduled(fixedDelayString = "${podsite.data-version.poll:PT2S}")
	void poll() {
		long version;
		try {
			version = this.jdbc.queryForObject("SELECT version FROM data_version", Long.class);
		}
		catch (RuntimeException ex) {
			log.debug("Could not read the data version: {}", ex.getMessage());
			return;
		}
		long before = this.seen.getAndAccumulate(version, Math::max);
		// The first poll announces too: a copy made before it may predate a change
		// another instance committed while this one started.
		if (version > before) {
			log.debug("The show's data changed on another instance (version {})", version);
			this.events.publishEvent(new ShowChanged());
		}
	}

}
