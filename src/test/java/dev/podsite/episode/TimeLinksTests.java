package dev.podsite.episode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeLinksTests {

	private static final String PATH = "/episodes/rust-at-scale";

	@Test
	void aMomentIsWrittenInSecondsOrAsOnAClock() {
		assertThat(TimeLinks.seconds("3725")).isEqualTo(3725);
		assertThat(TimeLinks.seconds("1:02:05")).isEqualTo(3725);
		assertThat(TimeLinks.seconds("62:05")).isEqualTo(3725);
		assertThat(TimeLinks.seconds("0:42")).isEqualTo(42);
		assertThat(TimeLinks.seconds("12.6")).isEqualTo(13);
		for (String none : new String[] { null, "", "soon", "-5", "1:2:3:4", "99999999999999", "1h2m" }) {
			assertThat(TimeLinks.seconds(none)).as(none).isNull();
		}
	}

	@Test
	void timestampsInTheNotesBecomeLinksToTheirMoment() {
		String linked = TimeLinks.linkTimestamps(
				"<ul><li>12:34 Ownership</li><li>(1:02:05) Lifetimes</li><li>[00:12:34] Again</li></ul>", PATH, 4000);
		assertThat(linked).isEqualTo("<ul><li><a href=\"/episodes/rust-at-scale?t=754\" class=\"time\" data-t=\"754\">"
				+ "12:34</a> Ownership</li><li>(<a href=\"/episodes/rust-at-scale?t=3725\" class=\"time\" data-t=\"3725\">"
				+ "1:02:05</a>) Lifetimes</li><li>[<a href=\"/episodes/rust-at-scale?t=754\" class=\"time\""
				+ " data-t=\"754\">00:12:34</a>] Again</li></ul>");
	}

	@Test
	void onlyMomentsOfTheEpisodeAndOnlyInText() {
		String notes = "<p>At 1:30:00 we stop. <a href=\"https://x.example\">0:42</a> <code>12:00</code>"
				+ " version 1.2:3 and 10:30:45:12, 3:75, v12:34.5</p>";
		assertThat(TimeLinks.linkTimestamps(notes, PATH, 3600)).isEqualTo(notes);
		assertThat(TimeLinks.linkTimestamps("<p>Without a colon.</p>", PATH, null))
			.isEqualTo("<p>Without a colon.</p>");
		assertThat(TimeLinks.linkTimestamps("<p>At 1:30:00.</p>", PATH, null)).contains("?t=5400");
	}

}
