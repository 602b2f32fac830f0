package dev.podsite.feedimport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.podsite.show.ShowChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the configured feed: fetch, parse, map, then one transaction that writes all of
 * it or nothing. Every run leaves an {@link ImportRun} record.
 */
@Service
public class FeedImporter {

	private static final Logger log = LoggerFactory.getLogger(FeedImporter.class);

	/** The key of the cluster-wide lock: one import at a time across all instances. */
	static final long IMPORT_LOCK = 0x506f64736974654cL;

	static final String DEMO_FEED = "demo/rust-in-production.xml";

	private static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(10);

	private final FeedImportProperties properties;

	private final FeedFetcher fetcher;

	private final FeedStore store;

	private final ImportRunRepository runs;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FeedImporter(FeedImportProperties properties, FeedFetcher fetcher, FeedStore store, ImportRunRepository runs,
			TransactionTemplate transactions, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.properties = properties;
		this.fetcher = fetcher;
		this.store = store;
		this.runs = runs;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Imports the configured feed now; falls back to the demo snapshot on an empty site.
	 */
	public ImportRun importNow() {
		Instant started = this.clock.instant();
		this.runs.failInterrupted(started.minus(INTERRUPTED_AFTER), started);
		URI url = this.properties.url();
		ImportRun run = this.runs.save(ImportRun.start(url.toString(), false, started));
		try {
			ImportedFeed feed = FeedMapper.map(FeedReader.parse(this.fetcher.fetch(url)), url);
			this.store.refuseToEmptyTheSite(feed);
			finish(run, feed, url.toString(), false);
		}
		catch (FeedImportException ex) {
			run.failed(ex.getMessage(), this.clock.instant());
			log.warn("Importing the feed failed: {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			run.failed("The import failed unexpectedly (" + ex + "); nothing was changed.", this.clock.instant());
			log.error("Importing the feed at {} failed unexpectedly; nothing was changed", url, ex);
		}
		run = this.runs.save(run);
		if (run.getStatus() == ImportStatus.FAILED && !this.store.hasShow()) {
			importDemo(run.getErrorMessage());
		}
		return run;
	}

	private void importDemo(String reason) {
		log.warn("The site has nothing to show yet and the feed could not be imported, so it shows the bundled demo"
				+ " snapshot of the show until the real feed imports. Reason: {}", reason);
		ImportRun run = this.runs.save(ImportRun.start("classpath:" + DEMO_FEED, true, this.clock.instant()));
		try (InputStream in = new ClassPathResource(DEMO_FEED).getInputStream()) {
			FetchedFeed fetched = new FetchedFeed(URI.create("classpath:" + DEMO_FEED), in.readAllBytes(), null);
			ImportedFeed feed = FeedMapper.map(FeedReader.parse(fetched), fetched.url());
			finish(run, feed, this.properties.url().toString(), true);
		}
		catch (IOException | FeedImportException | RuntimeException ex) {
			// Also a database error: a run left RUNNING says an import is under way.
			run.failed("The demo snapshot could not be imported: " + ex.getMessage(), this.clock.instant());
			log.error("The bundled demo snapshot could not be imported", ex);
		}
		this.runs.save(run);
	}

	private void finish(ImportRun run, ImportedFeed feed, String feedUrl, boolean demo) {
		Optional<ImportCounts> counts = Optional.ofNullable(this.transactions.execute((status) -> {
			if (!Boolean.TRUE
				.equals(this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, IMPORT_LOCK))) {
				return null;
			}
			return this.store.write(feed, feedUrl, demo, this.clock.instant());
		}));
		Instant now = this.clock.instant();
		if (counts.isEmpty()) {
			run.skipped("Another instance was importing the feed at the same time.", now);
			log.info("Skipped the import: another instance holds the import lock");
			return;
		}
		ImportCounts result = counts.get();
		run.succeeded(result, feed.warnings(), now);
		log.info("Imported {}: {} new, {} updated, {} unchanged, {} hidden, {} warnings", run.getFeedUrl(),
				result.created(), result.updated(), result.unchanged(), result.hidden(), feed.warnings().size());
		// Also when no episode changed: the show's own fields may have.
		this.events.publishEvent(new ShowChanged());
	}

}
