package dev.podsite.feedimport;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.podsite.feedpublish.FeedCheck;
import dev.podsite.feedpublish.FeedFinding;
import dev.podsite.feedpublish.FeedFinding.Directory;
import dev.podsite.feedpublish.FeedFinding.Severity;
import dev.podsite.feedpublish.PublishedFeedCheck;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The artwork the feed check could not size from the feed alone, downloaded through the
 * import's guarded fetcher (public addresses only, one deadline, a size limit) and sized
 * from its header, away from any request or import: on a thread of its own, a few images
 * at a time. Each result is kept by URL with the server's validators
 * ({@code artwork_measurement}), so an unchanged image costs a 304, not a download.
 */
@Component
public class ArtworkMeasurements implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ArtworkMeasurements.class);

	/** Apple's largest artwork is 3000 × 3000; even an uncompressed PNG of it fits. */
	static final long MAX_BYTES = 20L * 1024 * 1024;

	/** The show's artwork and a few more: each costs a download of up to 20 MB. */
	static final int MAX_IMAGES = 10;

	/** How long a measurement stands before the server is asked whether it changed. */
	static final Duration RECHECK = Duration.ofHours(6);

	private static final Set<Directory> APPLE = EnumSet.of(Directory.APPLE);

	private final FeedFetcher fetcher;

	private final FetchTarget target;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final FeedState state;

	private final PublishedFeedCheck published;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "artwork-check");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	@Autowired
	ArtworkMeasurements(FeedFetcher fetcher, JdbcClient jdbc, Clock clock, FeedState state,
			PublishedFeedCheck published) {
		this(fetcher, MAX_BYTES, jdbc, clock, state, published);
	}

	/** With another size limit, for tests that need not send 20 MB to pass it. */
	ArtworkMeasurements(FeedFetcher fetcher, long maxBytes, JdbcClient jdbc, Clock clock, FeedState state,
			PublishedFeedCheck published) {
		this.fetcher = fetcher;
		this.target = new FetchTarget("artwork", "image/jpeg, image/png, image/*;q=0.8", maxBytes,
				"a fixed limit for artwork");
		this.jdbc = jdbc;
		this.clock = clock;
		this.state = state;
		this.published = published;
	}

	/**
	 * The findings with each artwork whose size the feed did not declare replaced by what
	 * its measurement found: nothing when it is fine, the problems when not; left as it
	 * is while not measured yet. One query, whatever the number of findings.
	 */
	public List<FeedFinding> withMeasurements(List<FeedFinding> findings) {
		List<String> urls = unsized(findings);
		if (urls.isEmpty()) {
			return findings;
		}
		Map<String, Measurement> measured = find(urls);
		List<FeedFinding> result = new ArrayList<>();
		for (FeedFinding finding : findings) {
			Measurement measurement = isUnsized(finding) ? measured.get(finding.detail()) : null;
			if (measurement == null) {
				result.add(finding);
			}
			else {
				result.addAll(measurement.findings(finding.episode()));
			}
		}
		return result;
	}

	/**
	 * Measures, on this class's own thread, the artwork of the source and published feeds
	 * that is due; at most one run waits at a time.
	 */
	void measureSoon() {
		if (this.pending.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				this.pending.set(false);
				try {
					measureDue();
				}
				catch (RuntimeException ex) {
					log.warn("Measuring the artwork failed", ex);
				}
			});
		}
	}

	/**
	 * Measures the artwork the feed checks could not size that was never measured or not
	 * for {@link #RECHECK}: the show's first, at most {@link #MAX_IMAGES}.
	 */
	void measureDue() {
		List<FeedFinding> findings = new ArrayList<>(this.state.sourceFindings().orElse(List.of()));
		findings.addAll(this.published.findings().orElse(List.of()));
		List<String> urls = unsized(findings);
		Map<String, Measurement> known = find(urls);
		Instant recheck = this.clock.instant().minus(RECHECK);
		measure(urls.stream().filter((url) -> {
			Measurement measurement = known.get(url);
			return measurement == null || measurement.checkedAt().isBefore(recheck);
		}).limit(MAX_IMAGES).toList());
	}

	/** Measures each image now, conditionally when it was measured before. */
	void measure(Collection<String> urls) {
		Map<String, Measurement> known = find(urls);
		for (String url : urls) {
			Measurement measurement = measureOne(url, known.get(url));
			store(url, measurement);
		}
	}

	private Measurement measureOne(String url, @Nullable Measurement before) {
		Instant now = this.clock.instant();
		FeedState.Validators validators = (before != null && before.failure() == null)
				? new FeedState.Validators(before.etag(), before.lastModified(), "") : null;
		FetchedFeed fetched;
		try {
			fetched = this.fetcher.fetchWeb(URI.create(url), this.target, validators, ImportBudget.unlimited());
		}
		catch (FeedImportException ex) {
			log.info("The artwork at {} could not be measured: {}", url, ex.getMessage());
			Integer status = ex.httpStatus();
			String failure = (status != null) ? "status"
					: ex.reason().code().equals("fetch.tooLarge") ? "too-large" : "unreachable";
			return Measurement.failed(failure, status, now);
		}
		catch (IllegalArgumentException ex) {
			return Measurement.failed("unreachable", null, now);
		}
		if (fetched.notModified() && before != null) {
			return before.checkedAgain(fetched.etag(), fetched.lastModified(), now);
		}
		Optional<ArtworkImage> image = ArtworkImage.read(fetched.body());
		if (image.isEmpty()) {
			return new Measurement(fetched.etag(), fetched.lastModified(), null, null, null, "not-image", null, now);
		}
		return new Measurement(fetched.etag(), fetched.lastModified(), image.get().format(), image.get().width(),
				image.get().height(), null, null, now);
	}

	private Map<String, Measurement> find(Collection<String> urls) {
		Map<String, Measurement> found = new HashMap<>();
		if (urls.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				SELECT url, etag, last_modified, format, width, height, failure, http_status, checked_at
				FROM artwork_measurement WHERE url = ANY (:urls)
				""").param("urls", urls.toArray(String[]::new)).query((row) -> {
			found.put(row.getString("url"),
					new Measurement(row.getString("etag"), row.getString("last_modified"), row.getString("format"),
							row.getObject("width", Integer.class), row.getObject("height", Integer.class),
							row.getString("failure"), row.getObject("http_status", Integer.class),
							row.getTimestamp("checked_at").toInstant()));
		});
		return found;
	}

	private void store(String url, Measurement measurement) {
		this.jdbc.sql("""
				INSERT INTO artwork_measurement (url, etag, last_modified, format, width, height, failure,
					http_status, checked_at)
				VALUES (:url, :etag, :lastModified, :format, :width, :height, :failure, :httpStatus, :checkedAt)
				ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
					format = excluded.format, width = excluded.width, height = excluded.height,
					failure = excluded.failure, http_status = excluded.http_status, checked_at = excluded.checked_at
				""")
			.param("url", url)
			.param("etag", measurement.etag())
			.param("lastModified", measurement.lastModified())
			.param("format", measurement.format())
			.param("width", measurement.width())
			.param("height", measurement.height())
			.param("failure", measurement.failure())
			.param("httpStatus", measurement.httpStatus())
			.param("checkedAt", Timestamp.from(measurement.checkedAt()))
			.update();
	}

	private static List<String> unsized(List<FeedFinding> findings) {
		Set<String> urls = new LinkedHashSet<>();
		for (FeedFinding finding : findings) {
			if (isUnsized(finding)) {
				urls.add(finding.detail());
			}
		}
		return List.copyOf(urls);
	}

	private static boolean isUnsized(FeedFinding finding) {
		return finding.code().equals("artwork-size-unknown") && finding.detail() != null;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * One image as last measured: its format and size, or why it has none.
	 *
	 * @param failure 'status', 'too-large', 'unreachable', 'not-image', or null
	 */
	record Measurement(@Nullable String etag, @Nullable String lastModified, @Nullable String format,
			@Nullable Integer width, @Nullable Integer height, @Nullable String failure, @Nullable Integer httpStatus,
			Instant checkedAt) {

		static Measurement failed(String failure, @Nullable Integer httpStatus, Instant now) {
			return new Measurement(null, null, null, null, null, failure, httpStatus, now);
		}

		Measurement checkedAgain(@Nullable String newEtag, @Nullable String newLastModified, Instant now) {
			return new Measurement((newEtag != null) ? newEtag : this.etag,
					(newLastModified != null) ? newLastModified : this.lastModified, this.format, this.width,
					this.height, this.failure, this.httpStatus, now);
		}

		/** What Apple would flag in the image: nothing when it is fine. */
		List<FeedFinding> findings(@Nullable String episode) {
			List<FeedFinding> findings = new ArrayList<>();
			if (this.failure != null) {
				switch (this.failure) {
					case "status" -> findings.add(new FeedFinding("artwork-unreachable-status", Severity.ERROR, episode,
							String.valueOf(this.httpStatus), EnumSet.of(Directory.APPLE, Directory.SPOTIFY)));
					case "too-large" -> findings.add(new FeedFinding("artwork-file-large", Severity.WARNING, episode,
							(MAX_BYTES / (1024 * 1024)) + " MB", APPLE));
					case "not-image" -> findings.add(new FeedFinding("artwork-not-image", Severity.ERROR, episode, null,
							EnumSet.of(Directory.APPLE, Directory.SPOTIFY)));
					default -> findings.add(new FeedFinding("artwork-unreachable", Severity.ERROR, episode, null,
							EnumSet.of(Directory.APPLE, Directory.SPOTIFY)));
				}
				return findings;
			}
			int w = (this.width != null) ? this.width : 0;
			int h = (this.height != null) ? this.height : 0;
			String size = w + " × " + h;
			String format = String.valueOf(this.format);
			if (!format.equals("jpeg") && !format.equals("png")) {
				findings.add(new FeedFinding("artwork-format", Severity.ERROR, episode, format.toUpperCase(Locale.ROOT),
						APPLE));
			}
			if (w != h) {
				findings.add(new FeedFinding("artwork-not-square", Severity.ERROR, episode, size, APPLE));
			}
			if (Math.min(w, h) < FeedCheck.SMALLEST_ARTWORK) {
				findings.add(new FeedFinding("artwork-small", Severity.ERROR, episode, size, APPLE));
			}
			else if (Math.max(w, h) > FeedCheck.LARGEST_ARTWORK) {
				findings.add(new FeedFinding("artwork-large", Severity.ERROR, episode, size, APPLE));
			}
			return findings;
		}

	}

}
