package dev.podsite.feedimport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import dev.podsite.episode.Chapter;
import dev.podsite.episode.EpisodeFilesChanged;
import dev.podsite.episode.EpisodeTimelines;
import dev.podsite.episode.TimelineFiles;
import dev.podsite.episode.TranscriptCue;
import dev.podsite.show.CurrentShow;
import dev.podsite.show.Show;
import dev.podsite.support.Hashes;
import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches the chapter and transcript files that the shown episodes' items point to, after
 * the import has committed the episodes, and stores what each holds in a short
 * transaction of its own. Polite: a file is asked for when an episode lacks what it
 * holds, when it failed last time, or once {@code podsite.media-files.recheck} has
 * passed, and then conditionally, so an unchanged file answers 304; an unchanged body
 * changes nothing. Four at a time, within {@code podsite.media-files.time-budget}. A file
 * that cannot be fetched or read leaves what the episode had, and says why; what an item
 * no longer points to goes.
 */
@Component
class MediaFileImport {

	private static final Logger log = LoggerFactory.getLogger(MediaFileImport.class);

	/** Files fetched at once: a few, to be polite to their servers. */
	static final int PARALLEL = 4;

	/** Warnings of one run about files; the log has them all. */
	private static final int MOST_WARNINGS = 20;

	private final FeedFetcher fetcher;

	private final MediaFilesProperties properties;

	private final EpisodeTimelines timelines;

	private final MediaFileState state;

	private final CurrentShow show;

	private final TransactionTemplate transactions;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	MediaFileImport(FeedFetcher fetcher, MediaFilesProperties properties, EpisodeTimelines timelines,
			MediaFileState state, CurrentShow show, TransactionTemplate transactions, Clock clock) {
		this.fetcher = fetcher;
		this.properties = properties;
		this.timelines = timelines;
		this.state = state;
		this.show = show;
		// Each file's write is short: a wait for a lock must not hold the import.
		this.transactions = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()),
				transactions);
		this.transactions.setTimeout(30);
		this.newTransaction = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.newTransaction.setTimeout(30);
		this.clock = clock;
	}

	/** Fetches the files that are due; never throws: what failed is in the outcome. */
	Outcome run() {
		ImportBudget budget = ImportBudget.forFiles(this.properties.timeBudget());
		try {
			List<TimelineFiles> episodes = this.timelines.fileSources();
			if (episodes.isEmpty()) {
				return Outcome.NOTHING;
			}
			Map<String, Wanted> wanted = wanted(episodes);
			int removed = removeWhatItemsNoLongerPointTo(episodes, wanted.values());
			this.state.keepOnly(wanted.keySet());
			Map<String, MediaFileState.Known> known = this.state.find(wanted.keySet());
			List<Wanted> due = wanted.values().stream().filter((file) -> isDue(file, known.get(file.url()))).toList();
			Outcome outcome = fetchAll(due, known, budget).withRemoved(removed)
				.summarized(this.properties.timeBudget());
			if (outcome.checkedAny()) {
				log.info(
						"Chapter and transcript files: {} stored, {} unchanged, {} failed, {} left for the next import;"
								+ " {} removed, as their items point to them no more",
						outcome.stored(), outcome.unchanged(), outcome.failed(), outcome.left(), removed);
			}
			return outcome;
		}
		catch (RuntimeException ex) {
			log.error("The chapter and transcript files could not be checked", ex);
			return Outcome.NOTHING.withWarning(HostNotice.of("file.checkFailed", ex));
		}
	}

	/**
	 * Reads again what one episode's files hold once the host changed them, in a
	 * transaction of its own (the host's has committed): an upload of the site's own at
	 * once; what the episode held of a file it points to no more goes, and a file
	 * elsewhere waits for the next import. Never throws: the host's change stands.
	 */
	@TransactionalEventListener
	void hostChangedFiles(EpisodeFilesChanged change) {
		try {
			this.newTransaction.executeWithoutResult((status) -> refresh(change.episodeId()));
		}
		catch (RuntimeException ex) {
			log.warn("The files of episode {} could not be read after the host changed them; the next import"
					+ " reads them", change.episodeId(), ex);
		}
	}

	private void refresh(long episodeId) {
		TimelineFiles episode = this.timelines.fileSources(episodeId).orElse(null);
		if (episode == null) {
			return;
		}
		Map<String, Wanted> wanted = wanted(List.of(episode));
		String chapters = null;
		String transcript = null;
		for (Wanted file : wanted.values()) {
			if (file.kind() == Kind.CHAPTERS) {
				chapters = file.url();
			}
			else {
				transcript = file.url();
			}
		}
		boolean staleChapters = episode.storedChapters() != null && !episode.storedChapters().url().equals(chapters);
		boolean staleTranscript = episode.storedTranscript() != null
				&& !episode.storedTranscript().url().equals(transcript);
		if (staleChapters || staleTranscript) {
			this.timelines.removeFiles(staleChapters ? List.of(episodeId) : List.of(),
					staleTranscript ? List.of(episodeId) : List.of());
		}
		ImportBudget budget = ImportBudget.forFiles(this.properties.timeBudget());
		Map<String, MediaFileState.Known> known = this.state.find(wanted.keySet());
		for (Wanted file : wanted.values()) {
			if (this.timelines.isUploaded(file.url())) {
				Result result = fetch(file, known.get(file.url()), budget);
				if (result.warning() != null) {
					log.warn(result.warning().english());
				}
			}
		}
	}

	/** Every file an episode needs, once per address, newest episode first. */
	private Map<String, Wanted> wanted(List<TimelineFiles> episodes) {
		String language = this.show.get().map(Show::getLanguageTag).orElse(null);
		Map<String, Wanted> wanted = new LinkedHashMap<>();
		for (TimelineFiles episode : episodes) {
			if (episode.chaptersUrl() != null) {
				wanted.computeIfAbsent(episode.chaptersUrl(), (url) -> new Wanted(Kind.CHAPTERS, url, null))
					.episodes()
					.add(episode);
			}
			TranscriptChoice.choose(episode.transcripts(), language)
				.ifPresent((chosen) -> wanted
					.computeIfAbsent(chosen.transcript().url(),
							(url) -> new Wanted(Kind.TRANSCRIPT, url, chosen.format()))
					.episodes()
					.add(episode));
		}
		return wanted;
	}

	/**
	 * Removes the chapters and cues read from files for episodes that point to no such
	 * file any more; a file that moved keeps what it held until the new one is read.
	 */
	private int removeWhatItemsNoLongerPointTo(List<TimelineFiles> episodes, Collection<Wanted> wanted) {
		Set<Long> wantChapters = new HashSet<>();
		Set<Long> wantTranscript = new HashSet<>();
		for (Wanted file : wanted) {
			file.episodes()
				.forEach((episode) -> ((file.kind() == Kind.CHAPTERS) ? wantChapters : wantTranscript)
					.add(episode.episodeId()));
		}
		List<Long> withoutChapters = new ArrayList<>();
		List<Long> withoutTranscript = new ArrayList<>();
		for (TimelineFiles episode : episodes) {
			if (episode.storedChapters() != null && !wantChapters.contains(episode.episodeId())) {
				withoutChapters.add(episode.episodeId());
			}
			if (episode.storedTranscript() != null && !wantTranscript.contains(episode.episodeId())) {
				withoutTranscript.add(episode.episodeId());
			}
		}
		if (!withoutChapters.isEmpty() || !withoutTranscript.isEmpty()) {
			this.transactions
				.executeWithoutResult((status) -> this.timelines.removeFiles(withoutChapters, withoutTranscript));
		}
		return withoutChapters.size() + withoutTranscript.size();
	}

	/**
	 * Whether to ask for the file now: never asked for, failed last time, an episode
	 * lacks its readable body, or not asked for within the recheck interval.
	 */
	private boolean isDue(Wanted file, MediaFileState.@Nullable Known known) {
		// The host's uploads are read from the database: cheap, and never out of date.
		return known == null || this.timelines.isUploaded(file.url()) || known.failing()
				|| (known.contentError() == null && !file.lacking(known.contentHash()).isEmpty())
				|| !known.checkedAt().plus(this.properties.recheck()).isAfter(this.clock.instant());
	}

	private Outcome fetchAll(List<Wanted> due, Map<String, MediaFileState.Known> known, ImportBudget budget) {
		if (due.isEmpty()) {
			return Outcome.NOTHING;
		}
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, new DaemonThreads());
		try {
			List<Future<Result>> results = new ArrayList<>();
			for (Wanted file : due) {
				results.add(pool.submit(() -> fetch(file, known.get(file.url()), budget)));
			}
			Outcome outcome = Outcome.NOTHING;
			for (int i = 0; i < due.size(); i++) {
				outcome = outcome.with(resultOf(due.get(i), results.get(i)));
			}
			return outcome;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.NOTHING.withWarning(HostNotice.of("file.interrupted"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Result resultOf(Wanted file, Future<Result> result) throws InterruptedException {
		try {
			return result.get();
		}
		catch (ExecutionException ex) {
			log.error("Checking {} failed unexpectedly", file.url(), ex.getCause());
			return failed(file.notUpdated(HostNotice.of("file.unexpected", file.url(), ex.getCause())));
		}
	}

	/** One file, in a worker: fetched, read and stored, or why not. */
	private Result fetch(Wanted file, MediaFileState.@Nullable Known known, ImportBudget budget) {
		if (budget.isOver()) {
			return Result.LEFT;
		}
		FetchTarget target = file.kind().target(this.properties.maxBytes().toBytes());
		String knownHash = (known != null) ? known.contentHash() : null;
		// Conditionally only when a 304 would leave nothing to do.
		boolean conditional = known != null && (known.contentError() != null || file.lacking(knownHash).isEmpty());
		FetchedFeed fetched;
		try {
			FetchedFeed own = uploaded(file.url());
			fetched = (own != null) ? own : this.fetcher.fetchWeb(URI.create(file.url()), target,
					conditional ? known.validators() : null, budget);
		}
		catch (FeedImportException ex) {
			if (budget.isOver()) {
				return Result.LEFT;
			}
			this.state.failed(file.url(), ex.getMessage(), this.clock.instant());
			return failed(file.notUpdated(ex.reason()));
		}
		catch (IllegalArgumentException ex) {
			HostNotice reason = HostNotice.of("file.badAddress", target.at(file.url()), ex.getMessage());
			this.state.failed(file.url(), reason.english(), this.clock.instant());
			return failed(file.notUpdated(reason));
		}
		Instant now = this.clock.instant();
		HostNotice contentError = (known != null) ? known.contentError() : null;
		String hash = fetched.notModified() ? knownHash : Hashes.sha256(fetched.body());
		if (fetched.notModified() || (Objects.equals(hash, knownHash) && contentError != null)) {
			this.state.unchanged(file.url(), fetched.etag(), fetched.lastModified(), contentError, now);
			return (contentError != null) ? failed(file.notUpdated(contentError)) : Result.UNCHANGED;
		}
		String body = Objects.requireNonNull(hash);
		List<TimelineFiles> lacking = file.lacking(body);
		if (lacking.isEmpty()) {
			// The same body as the one the episodes hold: nothing of theirs to write.
			this.state.downloaded(file.url(), body, fetched.etag(), fetched.lastModified(), null, now);
			return Result.UNCHANGED;
		}
		try {
			Readout readout = read(file, fetched);
			TimelineFiles.Stored stored = new TimelineFiles.Stored(file.url(), body);
			List<Long> ids = lacking.stream().map(TimelineFiles::episodeId).toList();
			this.transactions.executeWithoutResult((status) -> {
				readout.store().into(this.timelines, ids, stored, now);
				this.state.downloaded(file.url(), body, fetched.etag(), fetched.lastModified(), null, now);
			});
			return readout.warnings().isEmpty() ? Result.STORED
					: Result.stored(file.readWithWarnings(readout.warnings()));
		}
		catch (MalformedFileException ex) {
			HostNotice reason = HostNotice.of("file.unreadable", target.at(file.url()), ex.reason());
			this.state.downloaded(file.url(), body, fetched.etag(), fetched.lastModified(), reason, now);
			return failed(file.notUpdated(reason));
		}
		catch (RuntimeException ex) {
			log.warn("Storing what {} holds failed", file.url(), ex);
			return failed(file.notUpdated(HostNotice.of("file.notStored", target.at(file.url()), ex)));
		}
	}

	/**
	 * A file the host uploaded, from the database: the site's own address is one the
	 * fetcher refuses (a private one, often), and fetching itself would be silly.
	 */
	private @Nullable FetchedFeed uploaded(String url) {
		return this.timelines.uploaded(url)
			.map((file) -> new FetchedFeed(URI.create(url), file.bytes(), file.servedType()))
			.orElse(null);
	}

	private static Result failed(HostNotice warning) {
		log.info(warning.english());
		return new Result(0, 0, 1, 0, warning);
	}

	/** Reads the file as its kind and declared format say, or as its start says. */
	private static Readout read(Wanted file, FetchedFeed fetched) throws MalformedFileException {
		String text = MediaText.decode(fetched.body(), fetched.contentType());
		if (file.kind() == Kind.CHAPTERS) {
			ParsedFile<Chapter> chapters = JsonChapters.parse(text, fetched.url());
			return new Readout(chapters.warnings(),
					(timelines, ids, stored, now) -> timelines.storeChapters(ids, stored, chapters.items(), now));
		}
		TranscriptFormat declared = Objects.requireNonNull(file.format());
		TranscriptFormat sniffed = TranscriptFormat.sniffed(text);
		if (sniffed == TranscriptFormat.HTML && declared != TranscriptFormat.HTML
				&& declared != TranscriptFormat.TEXT) {
			// Most likely an error page answered with 200.
			throw new MalformedFileException(HostNotice.of("file.htmlPage", declared.label()));
		}
		ParsedFile<TranscriptCue> cues = ((sniffed != null) ? sniffed : declared).parse(text);
		return new Readout(cues.warnings(),
				(timelines, ids, stored, now) -> timelines.storeTranscript(ids, stored, cues.items(), now));
	}

	/** What a file holds, ready to be stored, and what its reader forgave. */
	private record Readout(List<HostNotice> warnings, Store store) {

	}

	@FunctionalInterface
	private interface Store {

		void into(EpisodeTimelines timelines, List<Long> ids, TimelineFiles.Stored file, Instant now);

	}

	/** What a file holds for the episodes. */
	enum Kind {

		CHAPTERS("chapters", "application/json+chapters, application/json;q=0.9, */*;q=0.5"),

		TRANSCRIPT("transcript",
				"application/json, text/vtt, application/x-subrip, text/html;q=0.9, text/plain;q=0.8, */*;q=0.5");

		/** In the message keys: file.notUpdated.chapters, fetch.at.transcript. */
		private final String key;

		private final String accept;

		Kind(String key, String accept) {
			this.key = key;
			this.accept = accept;
		}

		FetchTarget target(long maxBytes) {
			return new FetchTarget(this.key, this.accept, maxBytes, "podsite.media-files.max-bytes");
		}

	}

	/**
	 * A file and the episodes that point to it.
	 *
	 * @param format how a transcript is read; null for chapters
	 */
	record Wanted(Kind kind, String url, @Nullable TranscriptFormat format, List<TimelineFiles> episodes) {

		Wanted(Kind kind, String url, @Nullable TranscriptFormat format) {
			this(kind, url, format, new ArrayList<>());
		}

		/** The episodes whose stored data is not this file's body of {@code hash}. */
		List<TimelineFiles> lacking(@Nullable String hash) {
			TimelineFiles.Stored body = (hash != null) ? new TimelineFiles.Stored(this.url, hash) : null;
			return this.episodes.stream()
				.filter((episode) -> body == null || !body
					.equals((this.kind == Kind.CHAPTERS) ? episode.storedChapters() : episode.storedTranscript()))
				.toList();
		}

		/** "The chapters of "Episode 12" were not updated. The chapters file at … ." */
		HostNotice notUpdated(HostNotice reason) {
			return HostNotice.of("file.notUpdated." + this.kind.key, titles(), reason);
		}

		/** "The transcript of "Episode 12" (https://…): 2 blocks … were skipped." */
		HostNotice readWithWarnings(List<HostNotice> warnings) {
			HostNotice all = warnings.get(0);
			for (HostNotice next : warnings.subList(1, warnings.size())) {
				all = HostNotice.of("file.warnings.and", all, next);
			}
			return HostNotice.of("file.readWithWarnings." + this.kind.key, titles(), this.url, all);
		}

		private HostNotice titles() {
			String first = this.episodes.get(0).title();
			int others = this.episodes.size() - 1;
			return (others == 0) ? HostNotice.of("file.titles.one", first)
					: HostNotice.of("file.titles.more", first, others, Counts.form(others));
		}

	}

	/** What came of one file. */
	record Result(int stored, int unchanged, int failed, int left, @Nullable HostNotice warning) {

		static final Result STORED = new Result(1, 0, 0, 0, null);

		static final Result UNCHANGED = new Result(0, 1, 0, 0, null);

		static final Result LEFT = new Result(0, 0, 0, 1, null);

		static Result stored(HostNotice warning) {
			return new Result(1, 0, 0, 0, warning);
		}

	}

	/**
	 * What fetching the files of one import came to, and its warnings for the run.
	 *
	 * @param removed the episodes' chapters and transcripts removed, their items pointing
	 * to no file any more
	 */
	record Outcome(int stored, int unchanged, int failed, int left, int removed, List<HostNotice> warnings,
			int untold) {

		static final Outcome NOTHING = new Outcome(0, 0, 0, 0, 0, List.of(), 0);

		boolean checkedAny() {
			return this.stored + this.unchanged + this.failed + this.left + this.removed > 0
					|| !this.warnings.isEmpty();
		}

		Outcome with(Result result) {
			List<HostNotice> warnings = new ArrayList<>(this.warnings);
			int untold = this.untold;
			if (result.warning() != null) {
				if (warnings.size() < MOST_WARNINGS) {
					warnings.add(result.warning());
				}
				else {
					untold++;
				}
			}
			return new Outcome(this.stored + result.stored(), this.unchanged + result.unchanged(),
					this.failed + result.failed(), this.left + result.left(), this.removed, warnings, untold);
		}

		Outcome withRemoved(int removed) {
			return new Outcome(this.stored, this.unchanged, this.failed, this.left, removed, this.warnings,
					this.untold);
		}

		Outcome withWarning(HostNotice warning) {
			List<HostNotice> warnings = new ArrayList<>(this.warnings);
			warnings.add(warning);
			return new Outcome(this.stored, this.unchanged, this.failed, this.left, this.removed, warnings,
					this.untold);
		}

		/** With a word on the warnings left out and on the files left for later. */
		Outcome summarized(Duration timeBudget) {
			List<HostNotice> all = new ArrayList<>(this.warnings);
			if (this.untold > 0) {
				all.add(HostNotice.of("file.untold", this.untold, Counts.form(this.untold)));
			}
			if (this.left > 0) {
				all.add(HostNotice.of("file.left", this.left, Counts.form(this.left),
						FetchDeadline.inWords(timeBudget)));
			}
			return new Outcome(this.stored, this.unchanged, this.failed, this.left, this.removed, all, 0);
		}

	}

	/** Daemon threads, named for thread dumps. */
	private static final class DaemonThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "media-file-fetch-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
