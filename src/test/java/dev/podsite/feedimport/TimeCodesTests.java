package dev.podsite.feedimport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimeCodesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0               | 0
			62              | 62
			59.12           | 59.12
			12.             | 12
			01:02           | 62
			1:02            | 62
			00:01:02.500    | 62.5
			00:01:02,500    | 62.5
			01:35:00.034    | 5700.034
			1:01:02.5       | 3662.5
			00:00:26.4079   | 26.408
			00:00:00.0625   | 0.063
			' 02:03.4 '     | 123.4
			00:60:05        | 3605
			""")
	void readsTheFormsFilesWrite(String text, double seconds) {
		assertThat(TimeCodes.seconds(text)).isEqualTo(seconds);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "abc", "-5", "1:2:3:4", "1:234", ".5", "1.2.3", "01:02:x3", "1e3",
			"00:00:01.000 --> 00:00:02.000", "99999999999", "٣:٠٠" })
	void refusesAnythingElse(String text) {
		assertThat(TimeCodes.seconds(text)).isNull();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			0.5,       0.5
			12.3456,   12.346
			3600,      3600
			""")
	void roundsNumbersToTheMillisecond(double value, double seconds) {
		assertThat(TimeCodes.seconds(value)).isEqualTo(seconds);
	}

	@ParameterizedTest
	@ValueSource(doubles = { -1, Double.NaN, Double.POSITIVE_INFINITY, 1e12 })
	void refusesNumbersThatAreNoMomentOfAnEpisode(double value) {
		assertThat(TimeCodes.seconds(value)).isNull();
	}

}
