package dev.podsite.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchHitTests {

	@Test
	void timesAreWrittenAsTimeLinksAre() {
		assertThat(SearchHit.Moment.time(0)).isEqualTo("0:00");
		assertThat(SearchHit.Moment.time(76)).isEqualTo("1:16");
		assertThat(SearchHit.Moment.time(3599)).isEqualTo("59:59");
		assertThat(SearchHit.Moment.time(3725)).isEqualTo("1:02:05");
		assertThat(SearchHit.Moment.time(36000)).isEqualTo("10:00:00");
	}

}
