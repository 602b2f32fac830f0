package dev.podsite.feedimport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class FeedImportPropertiesTests {

	private static final String URL = "https://feeds.example/show.xml";

	@Test
	void theLimitsHaveDefaultsAndTheShortConstructorTheSameOnes() {
		FeedImportProperties bound = bind(Map.of("podsite.feed.url", URL));
		assertThat(bound.maxItems()).isEqualTo(20_000);
		assertThat(bound.maxElements()).isEqualTo(1_000_000);
		assertThat(bound.maxNotesBytes()).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(bound.importTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(new FeedImportProperties(URI.create(URL), bound.refresh(), bound.schedule(), bound.maxBytes(),
				bound.allowPrivateAddresses()))
			.isEqualTo(bound);
	}

	@Test
	void theLimitsBindFromTheirSettings() {
		FeedImportProperties bound = bind(
				Map.of("podsite.feed.url", URL, "podsite.feed.max-items", "50", "podsite.feed.max-elements", "5000",
						"podsite.feed.max-notes-bytes", "64KB", "podsite.feed.import-timeout", "30s"));
		assertThat(bound.maxItems()).isEqualTo(50);
		assertThat(bound.maxElements()).isEqualTo(5_000);
		assertThat(bound.maxNotesBytes()).isEqualTo(DataSize.ofKilobytes(64));
		assertThat(bound.importTimeout()).isEqualTo(Duration.ofSeconds(30));
	}

	private static FeedImportProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bind("podsite.feed", FeedImportProperties.class)
			.get();
	}

}
