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

import dev.podsite.show.ShowChanges;

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

	FeedImporter importer(URI url) {
		FeedImportProperties properties = new FeedImportProperties(url, Duration.ofMinutes(15), false,
				DataSize.ofMegabytes(50));
		return new FeedImporter(properties, new FeedFetcher(properties, "https://podcast.example"),
				bean(FeedStore.class), bean(FeedState.class), bean(ImportRunRepository.class),
				bean(TransactionTemplate.class), bean(DataSource.class), bean(ShowChanges.class), bean(Clock.class));
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

}
