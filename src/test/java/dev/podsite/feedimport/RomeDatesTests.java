package dev.podsite.feedimport;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.io.impl.DateParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates as Rome reads them with our rome.properties: its RFC 822 form tried first gives
 * what Rome's own RFC 822 parsing gives, and the other forms still parse.
 */
class RomeDatesTests {

	@Test
	void rfc822DatesParseAsRomesOwnRfc822Parsing() {
		for (String date : List.of("Thu, 01 Jan 2026 06:00:00 +0000", "Tue, 06 Jan 2026 06:00:00 -0500",
				"Wed, 7 Jan 26 06:00:00 GMT", "Sat, 10 Jan 2026 06:00:00 EST", "Sun, 11 Jan 2026 06:00:00 UT",
				"Mon, 12 Jan 2026 06:00:00 Z", " Fri, 02 Jan 2026 06:00:00 +0100 ", "Fri, 02 Jan 2026 06:00 +0000")) {
			assertThat(DateParser.parseDate(date, Locale.US)).as(date)
				.isNotNull()
				.isEqualTo(DateParser.parseRFC822(date, Locale.US));
		}
		assertThat(DateParser.parseDate("Thu, 01 Jan 2026 06:00:00 +0000", Locale.US).toInstant())
			.isEqualTo(Instant.parse("2026-01-01T06:00:00Z"));
	}

	@Test
	void otherFormsStillParse() {
		assertThat(DateParser.parseDate("2026-01-01T06:00:00Z", Locale.US).toInstant())
			.isEqualTo(Instant.parse("2026-01-01T06:00:00Z"));
		assertThat(DateParser.parseDate("2026-01-01 06:00:00 +0000", Locale.US).toInstant())
			.isEqualTo(Instant.parse("2026-01-01T06:00:00Z"));
		assertThat(DateParser.parseDate("01 Jan 2026 06:00:00 +0000", Locale.US).toInstant())
			.isEqualTo(Instant.parse("2026-01-01T06:00:00Z"));
		assertThat(DateParser.parseDate("Thu, 01 Jan 2026 06:00 +0000", Locale.US).toInstant())
			.isEqualTo(Instant.parse("2026-01-01T06:00:00Z"));
		assertThat(DateParser.parseDate("not a date", Locale.US)).isNull();
	}

}
