package dev.podsite.episode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodeListingTests {

	private static final Locale ROMANIAN = Locale.forLanguageTag("ro");

	private final EpisodeListing listing = new EpisodeListing(messages());

	@Test
	void anEpisodeIsFormattedInTheListenersLanguage() {
		EpisodeSummary episode = new EpisodeSummary("ep-7", "Ep 7", Instant.parse("2024-03-01T23:30:00Z"), 3725,
				"About it", 2, 1020, "https://cdn.example/7.mp3");

		assertThat(this.listing.of(List.of(episode), Locale.ENGLISH))
			.containsExactly(new ListedEpisode("/episodes/ep-7", "Ep 7", java.time.LocalDate.of(2024, 3, 1),
					"1 March 2024", "PT1H2M5S", "1:02:05", "Season 2 · Episode 1020", false, "About it"));
		ListedEpisode romanian = this.listing.of(List.of(episode), ROMANIAN).get(0);
		assertThat(romanian.date()).isEqualTo("1 martie 2024");
		assertThat(romanian.place()).isEqualTo("Sezonul 2 · Episodul 1020");
	}

	@Test
	void whatAnEpisodeLacksIsLeftOut() {
		EpisodeSummary textPost = new EpisodeSummary("post", "Post", Instant.parse("2024-01-05T10:00:00Z"), null, "",
				null, 3, null);

		ListedEpisode listed = this.listing.of(List.of(textPost), Locale.ENGLISH).get(0);
		assertThat(listed.duration()).isNull();
		assertThat(listed.isoDuration()).isNull();
		assertThat(listed.place()).isEqualTo("Episode 3");
		assertThat(listed.textOnly()).isTrue();
		assertThat(listed.summary()).isNull();
	}

	@Test
	void theSeasonsToNarrowToNameTheirListsAndTheCurrentOne() {
		assertThat(this.listing.seasons(List.of(1, 2), 2, Locale.ENGLISH)).containsExactly(
				new EpisodeListing.ListedSeason("/episodes?season=1", "Season 1", false),
				new EpisodeListing.ListedSeason("/episodes?season=2", "Season 2", true));
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
