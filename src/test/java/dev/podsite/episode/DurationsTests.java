package dev.podsite.episode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			3023          | 3023
			"  45  "      | 45
			835.821875    | 836
			3600.0        | 3600
			0             | 0
			58:07         | 3487
			5:07          | 307
			61:30         | 3690
			90:00         | 5400
			1:02:05       | 3725
			01:30:46      | 5446
			00:02:47.4    | 167
			1:02:05.5     | 3726
			0:00:00       | 0
			00:60:05      | 3605
			""")
	void readsTheLengthsFeedsWrite(String text, int seconds) {
		assertThat(Durations.parse(text)).isEqualTo(seconds);
		assertThat(Durations.parse("\n\t" + text + " \n")).isEqualTo(seconds);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "abc", "PT1H", "5,000", "-5", "-1:00", "+5", "1:02:03:04", "1:100", "1:002:03",
			"1.5:30", ":30", "1:", "12.", ".5", "1 h", "99999999999", "999999:59:59", "٣٠" })
	void refusesWhatIsNotALength(String text) {
		assertThat(Durations.parse(text)).isNull();
	}

	@Test
	void writesIsoDurationsForTheTimeElement() {
		assertThat(Durations.iso(3725)).isEqualTo("PT1H2M5S");
	}

}
