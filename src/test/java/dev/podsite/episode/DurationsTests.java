package dev.podsite.episode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTests {

	@Test
	void formatsHoursMinutesAndSeconds() {
		assertThat(Durations.format(3725)).isEqualTo("1:02:05");
		assertThat(Durations.format(3487)).isEqualTo("58:07");
		assertThat(Durations.format(42)).isEqualTo("0:42");
		assertThat(Durations.format(36000)).isEqualTo("10:00:00");
	}

	@Test
	void unknownDurationsStayUnknown() {
		assertThat(Durations.format(null)).isNull();
		assertThat(Durations.iso(null)).isNull();
	}

	@Test
	void writesIsoDurationsForTheTimeElement() {
		assertThat(Durations.iso(3725)).isEqualTo("PT1H2M5S");
	}

}
