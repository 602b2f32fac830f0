package dev.podsite.feedimport;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.podsite.episode.FeedEpisodes;
import dev.podsite.show.ShowStore;
import dev.podsite.support.Counts;
import dev.podsite.support.Hashes;
import dev.podsite.support.HostNotice;
import dev.podsite.support.SiteProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the configured feed: fetch, parse, map, then one transaction that writes all of
 * it or nothing; then, the episodes committed, the chapter and transcript files they
 * point to ({@link MediaFileImport}). Every run leaves an {@link ImportRun} record.
 * Across all instances of the site, one import runs at a time (a PostgreSQL advisory lock
 * held from the fetch to the last file), and scheduled imports run about once per refresh
 * interval in total.
 */
@Service
public class FeedImporter {

	private static final Logger log = LoggerFactory.getLogger(FeedImporter.class);

	/** The key of the cluster-wide lock: one import at a time across all instances. */
	static final long IMPORT_LOCK = 0x506f64736974654cL;

	static final String DEMO_FEED = "demo/rust-in-production.xml";

	/**
	 * Bumped when the mapping changes, so a feed read by older code is imported again.
	 */
	private static final String MAPPING_VERSION = "5";

	private static final Duration KEEP_RUNS = Duration.ofDays(90);

	private final FeedImportProperties properties;

	private final FeedFetcher fetcher;

	private final ShowStore shows;

	private final FeedEpisodes episodes;

	private final FeedState state;

	private final ImportRunRepository runs;

	private final TransactionTemplate transactions;

	private final DataSource dataSource;

	private final Clock clock;

	private final MediaFileImport files;

	private final ImportMetrics metrics;

	/** The site's own feed: a source that says it moved there is not followed. */
	private final URI ownFeed;

	FeedImporter(FeedImportProperties properties, FeedFetcher fetcher, ShowStore shows, FeedEpisodes episodes,
			FeedState state, ImportRunRepository runs, TransactionTemplate transactions, DataSource dataSource,
			Clock clock, MediaFileImport files, SiteProperties site, ImportMetrics metrics) {
		this.ownFeed = URI.create(site.url("/feed.xml"));
		this.properties = properties;
		this.fetcher = fetcher;
		this.shows = shows;
		this.episodes = episodes;
		this.state = state;
		this.runs = runs;
		this.transactions = transactions;
		this.dataSource = dataSource;
		this.clock = clock;
		this.files = files;
		this.metrics = metrics;
	}

	/**
	 * The scheduler's turn: imports when no instance started an import within the refresh
	 * interval and the feed is not being backed off after failures.
	 * @return the run, or empty when it was not this instance's turn
	 */
	public Optional<ImportRun> importIfDue() {
		return underImportLock(
				() -> (retryInterrupted() || this.state.claimIfDue(this.properties.refresh())) ? run() : null);
	}

	/**
	 * Imports the configured feed now, as the host asks; falls back to the demo snapshot
	 * on an empty site.
	 */
	public ImportRun importNow() {
		return underImportLock(() -> {
			this.runs.failInterrupted(this.clock.instant());
			this.state.started();
			return run();
		}).orElseGet(this::skipped);
	}

	/**
	 * Where the feed moved for good, for the dashboard: empty when it did not, or when
	 * the configured address changed since.
	 */
	public Optional<FeedMove> move() {
		return this.state.move(this.properties.url().toString());
	}

	/**
	 * Imports now because the source's WebSub hub said the feed changed.
	 * @return the run, or empty when another import holds the lock (the caller tries
	 * again later: that import may have fetched the feed before the change)
	 */
	public Optional<ImportRun> importPushed() {
		return underImportLock(() -> {
			this.state.started();
			return run();
		});
	}

	/** How the site backs off a feed that keeps failing, for the dashboard. */
	public ImportBackoff backoff() {
		return this.state.backoff();
	}

	/**
	 * Records the runs an instance left RUNNING when it died (kill -9, power loss) as
	 * failed, and says whether to import again at once. Only an import holds the lock, so
	 * under it no run is still going. The first interruption in a row is retried at once;
	 * later ones wait like failures, so an import that kills its process (out of memory)
	 * does not do so in a loop.
	 */
	private boolean retryInterrupted() {
		Instant now = this.clock.instant();
		if (this.runs.failInterrupted(now) == 0) {
			return false;
		}
		int failures = this.state.failed(now, this.properties.refresh());
		if (failures > 1) {
			log.warn("An import was interrupted again ({} failures in a row); the next attempt waits {}", failures,
					FeedState.backoff(this.properties.refresh(), failures));
			return false;
		}
		log.warn("The last import was interrupted (its instance stopped during it): importing again");
		this.state.started();
		return true;
	}

	private ImportRun run() {
		ImportBudget budget = ImportBudget.startingNow(this.properties.importTimeout());
		Instant started = this.clock.instant();
		this.runs.deleteStartedBefore(started.minus(KEEP_RUNS));
		URI configured = this.properties.url();
		URI url = this.state.move(configured.toString()).map((move) -> URI.create(move.to())).orElse(configured);
		ImportRun run = this.runs.save(ImportRun.start(url.toString(), false, started));
		try {
			// Ask for changes only when what is stored is that feed's: not the demo.
			Optional<FeedState.Validators> validators = this.shows.hasRealShow() ? this.state.validators(url.toString())
					: Optional.empty();
			FetchedFeed fetched = this.fetcher.fetch(url, validators.orElse(null), budget);
			String hash = contentHash(fetched);
			FeedMoves moves = new FeedMoves(configured, url);
			if (fetched.movedTo() != null) {
				moves.propose(fetched.movedTo().to(), String.valueOf(fetched.movedTo().status()));
			}
			// The validators belong to the address the body came from for good.
			URI validatorsUrl = moves.current();
			if (fetched.notModified()) {
				run.unchanged(HostNotice.of("import.notModified"), this.clock.instant());
			}
			else if (validators.isPresent() && hash.equals(validators.get().contentHash())) {
				run.unchanged(HostNotice.of("import.sameBytes"), this.clock.instant());
			}
			else {
				FeedReader.ReadFeed read = FeedPages.readAll(fetched,
						FeedReader.parse(fetched, this.properties.maxItems(), this.properties.maxElements()),
						this.fetcher, this.properties, budget);
				URI newFeedUrl = FeedReader.newFeedUrl(read.feed());
				if (newFeedUrl != null) {
					moves.propose(newFeedUrl, FeedMove.NEW_FEED_URL);
				}
				budget.check();
				ImportedFeed feed = FeedMapper.map(read, url, this.properties.maxNotesBytes().toBytes(), budget);
				refuseToEmptyTheSite(feed);
				write(run, feed, url.toString(), false, budget);
				this.state.checked(read.findings(), read.hub());
			}
			this.state.succeeded(validatorsUrl.toString(), new FeedState.Validators(fetched.etag(),
					fetched.lastModified(), fetched.notModified() ? validators.get().contentHash() : hash));
			run.warned(moves.follow());
		}
		catch (FeedImportException ex) {
			run.failed(ex.reason(), ex.httpStatus(), this.clock.instant());
			log.warn("Importing the feed failed: {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			run.failed(HostNotice.of("import.unexpected", ex), this.clock.instant());
			log.error("Importing the feed at {} failed unexpectedly; nothing was changed", url, ex);
		}
		catch (Throwable ex) {
			// An error too ends this run only: what the import held is garbage by now, so
			// even after running out of memory the run can say why, and the site goes on.
			run.failed(unexpectedError(ex), this.clock.instant());
			log.error("Importing the feed at {} failed with an error; nothing was changed", url, ex);
		}
		if (run.getStatus() == ImportStatus.FAILED) {
			int failures = this.state.failed(this.clock.instant(), this.properties.refresh());
			if (failures > 1) {
				log.warn("The feed failed {} times in a row; the next scheduled attempt waits {}", failures,
						FeedState.backoff(this.properties.refresh(), failures));
			}
		}
		run = this.runs.save(run);
		if (run.getStatus() == ImportStatus.FAILED && !this.shows.hasShow()) {
			importDemo(run.getErrorMessage());
		}
		else if (run.getStatus() != ImportStatus.FAILED) {
			run = fetchFiles(run);
		}
		this.metrics.ended(run);
		return run;
	}

	/**
	 * The chapter and transcript files, once the episodes are committed (a slow file
	 * server never holds them back), within a time budget of their own; the run, recorded
	 * already, then says which files failed and why.
	 */
	private ImportRun fetchFiles(ImportRun run) {
		MediaFileImport.Outcome files = this.files.run();
		if (!files.checkedAny()) {
			return run;
		}
		run.filesChecked(files.warnings(), this.clock.instant());
		return this.runs.save(run);
	}

	private void importDemo(@Nullable String reason) {
		log.warn("The site has nothing to show yet and the feed could not be imported, so it shows the bundled demo"
				+ " snapshot of the show until the real feed imports. Reason: {}", reason);
		ImportRun run = this.runs.save(ImportRun.start("classpath:" + DEMO_FEED, true, this.clock.instant()));
		try (InputStream in = new ClassPathResource(DEMO_FEED).getInputStream()) {
			FetchedFeed fetched = new FetchedFeed(URI.create("classpath:" + DEMO_FEED), in.readAllBytes(), null);
			ImportedFeed feed = FeedMapper.map(FeedReader.parse(fetched), fetched.url());
			write(run, feed, this.properties.url().toString(), true, ImportBudget.unlimited());
		}
		catch (Throwable ex) {
			// Also a database error: a run left RUNNING says an import is under way.
			run.failed(HostNotice.of("import.demoFailed", String.valueOf(ex.getMessage())), this.clock.instant());
			log.error("The bundled demo snapshot could not be imported", ex);
		}
		this.metrics.ended(this.runs.save(run));
	}

	/**
	 * Refuses a feed that lists no items while episodes are listed: a hosting glitch
	 * would otherwise empty the public site.
	 */
	private void refuseToEmptyTheSite(ImportedFeed feed) throws FeedImportException {
		if (!feed.episodes().isEmpty()) {
			return;
		}
		int listed = this.episodes.countListed();
		if (listed > 0) {
			throw new FeedImportException(HostNotice.of("import.noEpisodes", listed, Counts.form(listed)));
		}
	}

	/** The reason of a run that an error ended, in words. */
	private static HostNotice unexpectedError(Throwable error) {
		if (error instanceof OutOfMemoryError) {
			return HostNotice.of("import.outOfMemory", String.valueOf(error.getMessage()));
		}
		if (error instanceof StackOverflowError) {
			return HostNotice.of("import.stackOverflow");
		}
		return HostNotice.of("import.unexpected", error);
	}

	/**
	 * Writes the show and its episodes in one transaction: all of the feed or nothing.
	 * The transaction ends with the import's budget: its statements time out then, and
	 * one past the budget rolls back.
	 */
	private void write(ImportRun run, ImportedFeed feed, String feedUrl, boolean demo, ImportBudget budget)
			throws FeedImportException {
		budget.check();
		TransactionTemplate transaction = new TransactionTemplate(
				Objects.requireNonNull(this.transactions.getTransactionManager()), this.transactions);
		transaction.setTimeout((int) Math.min(Integer.MAX_VALUE, budget.remaining().toSeconds() + 1));
		FeedEpisodes.Stored counts;
		try {
			counts = transaction.execute((status) -> {
				ShowStore.Saved show = this.shows.save(feed.show(), feedUrl, demo);
				if (show.replacedDemo()) {
					int removed = this.episodes.removeAll(show.showId());
					log.info("The real feed replaces the demo snapshot: removed its {} demo episodes", removed);
				}
				// The show's credits first: a host it names gets their name and slug from
				// it.
				this.episodes.storeShowPeople(show.showId(), feed.people());
				FeedEpisodes.Stored stored = this.episodes.store(show.showId(), feed.episodes(), this.clock.instant());
				if (budget.isOver()) {
					throw new TransactionTimedOutException("The import's time budget is over: rolled back");
				}
				return stored;
			});
		}
		catch (RuntimeException ex) {
			// A statement cancelled at the budget's end fails in its own way.
			if (budget.isOver()) {
				throw budget.exceeded(ex);
			}
			throw ex;
		}
		List<HostNotice> warnings = new ArrayList<>(feed.warnings());
		warnings.addAll(counts.warnings());
		run.succeeded(counts, warnings, this.clock.instant());
		log.info("Imported {}: {} new, {} updated, {} unchanged, {} hidden, {} warnings", run.getFeedUrl(),
				counts.created(), counts.updated(), counts.unchanged(), counts.hidden(), warnings.size());
	}

	/**
	 * The moves a fetch of the feed announced (a permanent redirect, then the feed's
	 * itunes:new-feed-url), each checked as the configured address is, and followed once
	 * the import succeeded.
	 */
	private final class FeedMoves {

		private final URI configured;

		private URI current;

		private final List<FeedMove> accepted = new ArrayList<>();

		private final List<HostNotice> notices = new ArrayList<>();

		FeedMoves(URI configured, URI current) {
			this.configured = configured;
			this.current = current;
		}

		URI current() {
			return this.current;
		}

		void propose(URI to, String reason) {
			// A file is the operator's own copy of a feed, named in the configuration:
			// only a feed on the web moves.
			if (!FeedAddresses.isWeb(this.current) || FeedAddresses.same(this.current, to)) {
				return;
			}
			if (FeedAddresses.isOwnFeed(to, FeedImporter.this.ownFeed)) {
				log.warn("The feed at {} says it moved to {}, the site's own feed: not followed", this.current, to);
				this.notices.add(HostNotice.of("import.move.ownFeed", this.current, to));
				return;
			}
			try {
				FeedImporter.this.fetcher.checkWebAddress(to, HostNotice.of("import.move.subject", this.current, to));
			}
			catch (FeedImportException ex) {
				log.warn("The feed at {} says it moved to {}, which is refused: {}", this.current, to,
						ex.reason().english());
				this.notices.add(HostNotice.of("import.move.refused", ex.reason()));
				return;
			}
			this.accepted
				.add(new FeedMove(this.current.toString(), to.toString(), FeedImporter.this.clock.instant(), reason));
			this.current = to;
		}

		/** Records the moves, and says what they did. */
		List<HostNotice> follow() {
			for (FeedMove move : this.accepted) {
				FeedImporter.this.state.moved(this.configured.toString(), move);
				log.info("The feed moved from {} to {} ({}): the site imports from the new address now", move.from(),
						move.to(), move.reason());
				this.notices.add(HostNotice.of("import.move.followed", move.from(), move.to(),
						HostNotice.of("import.move.reason." + move.reason())));
			}
			return this.notices;
		}

	}

	private ImportRun skipped() {
		Instant now = this.clock.instant();
		ImportRun run = ImportRun.start(this.properties.url().toString(), false, now);
		run.skipped(HostNotice.of("import.skipped"), now);
		log.info("Skipped the import: another one holds the import lock");
		this.metrics.ended(run);
		return this.runs.save(run);
	}

	/**
	 * Runs {@code work} holding the cluster-wide import lock: a session-level advisory
	 * lock on a connection of its own, held from the fetch to the commit and released
	 * after, also when the work fails. A process that dies loses its connection, and with
	 * it the lock.
	 * @return what the work answered, or empty when another import holds the lock
	 */
	private <T> Optional<T> underImportLock(Supplier<@Nullable T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!advisoryLock(connection, "SELECT pg_try_advisory_lock(?)")) {
				return Optional.empty();
			}
			try {
				return Optional.ofNullable(work.get());
			}
			finally {
				advisoryLock(connection, "SELECT pg_advisory_unlock(?)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The import lock could not be taken or released: " + ex.getMessage(), ex);
		}
	}

	private static boolean advisoryLock(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, IMPORT_LOCK);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static String contentHash(FetchedFeed fetched) {
		return Hashes.sha256(MAPPING_VERSION.getBytes(StandardCharsets.US_ASCII), fetched.body());
	}

}
