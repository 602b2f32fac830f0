package dev.podsite.feedimport;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class MediaFilesPropertiesTests {

	@Test
	void withoutSettingsTheDefaults() {
		assertThat(bind(Map.of())).isEqualTo(MediaFilesProperties.defaults())
			.isEqualTo(new MediaFilesProperties(DataSize.ofMegabytes(5), Duration.ofMinutes(2), Duration.ofDays(1)));
	}

	@Test
	void bindsFromTheirSettings() {
		assertThat(bind(Map.of("podsite.media-files.max-bytes", "512KB", "podsite.media-files.time-budget", "30s",
				"podsite.media-files.recheck", "PT6H")))
			.isEqualTo(
					new MediaFilesProperties(DataSize.ofKilobytes(512), Duration.ofSeconds(30), Duration.ofHours(6)));
	}

	private static MediaFilesProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("podsite.media-files",
				MediaFilesProperties.class);
	}

}
