package dev.podsite.feedimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import dev.podsite.episode.EpisodeTimelines;
import dev.podsite.episode.FeedEpisodes;
import dev.podsite.show.CurrentShow;
import dev.podsite.show.ShowStore;
import dev.podsite.support.SiteProperties;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Runs the real importer of a test's application context against any feed.
 */
public final class ImporterHarness {

	private final ApplicationContext context;

	public ImporterHarness(ApplicationContext context) {
		this.context = context;
	}

	public ImportRun importFrom(URI url) {
		return importer(url).importNow();
	}

	public ImportRun importFrom(Path file) {
		return importFrom(file.toUri());
	}

	/** Writes {@code xml} to {@code file} and imports it. */
	public ImportRun importXml(Path file, String xml) {
		try {
			Files.writeString(file, xml, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return importFrom(file);
	}

	/**
	 * The importer with the site's time limits and a fetcher that reaches this machine
	 * only: feeds of the corpus point to chapters and transcripts on the internet, which
	 * tests never fetch.
	 */
	FeedImporter importer(URI url) {
		FeedImportProperties properties = properties(url);
		return importer(properties,
				new FeedFetcher(properties, new SiteProperties("https://podcast.example", null, null).baseUrl(),
						Duration.ofSeconds(5), Duration.ofSeconds(30), FeedHost.thisMachineOnly()));
	}

	/** The importer with a fetcher of the test's own: other limits, another guard. */
	/**
	 * Imports with a fetcher that takes a {@link FeedHost} for a public host, so that
	 * moves and pages are checked as on the internet.
	 */
	ImportRun importFromPublicHost(FeedImportProperties properties) {
		FeedFetcher fetcher = new FeedFetcher(properties, "https://podcast.example", Duration.ofSeconds(5),
				Duration.ofSeconds(30), FeedHost.takenForPublic());
		return importer(properties, fetcher).importNow();
	}

	FeedImporter importer(FeedImportProperties properties, FeedFetcher fetcher) {
		return importer(properties, fetcher, MediaFilesProperties.defaults());
	}

	/**
	 * The importer with a fetcher of the test's own for the feed and its files, and other
	 * rules for the files.
	 */
	FeedImporter importer(FeedImportProperties properties, FeedFetcher fetcher, MediaFilesProperties files) {
		return new FeedImporter(properties, fetcher, bean(ShowStore.class), bean(FeedEpisodes.class),
				bean(FeedState.class), bean(ImportRunRepository.class), bean(TransactionTemplate.class),
				bean(DataSource.class), bean(Clock.class),
				new MediaFileImport(fetcher, files, bean(EpisodeTimelines.class), bean(MediaFileState.class),
						bean(CurrentShow.class), bean(TransactionTemplate.class), bean(Clock.class)),
				bean(SiteProperties.class), bean(ImportMetrics.class));
	}

	/**
	 * The defaults, but with private addresses allowed: test feed hosts serve on
	 * 127.0.0.1.
	 */
	static FeedImportProperties properties(URI url) {
		return new FeedImportProperties(url, Duration.ofMinutes(15), false, DataSize.ofMegabytes(50), true);
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

}
