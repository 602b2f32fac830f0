package dev.podsite.web;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.podsite.support.SiteProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each app's subscribe link: built from the feed's absolute address where the app
 * documents a link that takes one, the configured page where the host gives one, and no
 * button otherwise.
 */
class SubscribeLinksTests {

	private static final SiteProperties SITE = new SiteProperties("https://podcast.example/", ZoneOffset.UTC, null);

	private static final String APPLE = "https://podcasts.apple.com/us/podcast/rust-in-production/id1234567890";

	@Test
	void appsThatTakeAFeedGetLinksBuiltFromTheFeedsAbsoluteAddress() {
		SubscribeLinks.Subscribe subscribe = links(none()).of("Rust & Friends");
		assertThat(subscribe.feedUrl()).isEqualTo("https://podcast.example/feed.xml");
		assertThat(hrefs(subscribe)).containsExactly(
				Map.entry("Overcast", "overcast://x-callback-url/add?url=https%3A%2F%2Fpodcast.example%2Ffeed.xml"),
				Map.entry("Pocket Casts", "pktc://subscribe/podcast.example/feed.xml"),
				Map.entry("AntennaPod", "https://antennapod.org/deeplink/subscribe?url="
						+ "https%3A%2F%2Fpodcast.example%2Ffeed.xml&title=Rust%20%26%20Friends"));
		assertThat(subscribe.links()).allSatisfy((link) -> assertThat(link.icon()).startsWith("/assets/icons/"));
	}

	@Test
	void aRenamedShowGetsLinksWithItsNewTitle() {
		SubscribeLinks links = links(none());
		assertThat(hrefs(links.of("Old name")).get("AntennaPod")).endsWith("&title=Old%20name");
		assertThat(hrefs(links.of("New name")).get("AntennaPod")).endsWith("&title=New%20name");
		assertThat(links.of("New name")).isSameAs(links.of("New name"));
	}

	@Test
	void directoriesWithoutAConfiguredPageHaveNoButton() {
		assertThat(hrefs(links(none()).of("Show"))).doesNotContainKeys("Apple Podcasts", "Spotify", "YouTube Music",
				"Podcast Addict", "Castro", "Fountain", "Podverse", "Podcast Index");
	}

	@Test
	void configuredPagesShowInTheButtonsOrderAndWinOverBuiltLinks() {
		SubscribeProperties configured = new SubscribeProperties(APPLE, "https://open.spotify.com/show/abc",
				"https://music.youtube.com/playlist?list=PLx", "https://overcast.fm/+abc", null, null,
				"https://podcastaddict.com/podcast/show/1", null, "https://fountain.fm/show/xyz",
				"https://podverse.fm/podcast/p1", "https://podcastindex.org/podcast/42", List.of());
		Map<String, String> hrefs = hrefs(links(configured).of("Show"));
		assertThat(hrefs.keySet()).containsExactly("Apple Podcasts", "Spotify", "YouTube Music", "Overcast",
				"Pocket Casts", "AntennaPod", "Podcast Addict", "Castro", "Fountain", "Podverse", "Podcast Index");
		assertThat(hrefs).containsEntry("Apple Podcasts", APPLE)
			.containsEntry("Spotify", "https://open.spotify.com/show/abc")
			.containsEntry("YouTube Music", "https://music.youtube.com/playlist?list=PLx")
			.containsEntry("Overcast", "https://overcast.fm/+abc")
			.containsEntry("Podcast Addict", "https://podcastaddict.com/podcast/show/1")
			.containsEntry("Fountain", "https://fountain.fm/show/xyz")
			.containsEntry("Podverse", "https://podverse.fm/podcast/p1")
			.containsEntry("Podcast Index", "https://podcastindex.org/podcast/42");
	}

	@Test
	void theApplePodcastsIdGivesOvercastsAndCastrosDocumentedWebLinks() {
		SubscribeProperties apple = new SubscribeProperties(APPLE, null, null, null, null, null, null, null, null, null,
				null, List.of());
		assertThat(hrefs(links(apple).of("Show"))).containsEntry("Overcast", "https://overcast.fm/itunes1234567890")
			.containsEntry("Castro", "https://castro.fm/itunes/1234567890");
	}

	@Test
	void hiddenAppsHaveNoButtonEvenWithALink() {
		SubscribeProperties hidden = new SubscribeProperties(APPLE, null, null, null, null, null, null, null, null,
				null, null, List.of(SubscribeApp.POCKET_CASTS, SubscribeApp.APPLE_PODCASTS));
		assertThat(hrefs(links(hidden).of("Show"))).doesNotContainKeys("Pocket Casts", "Apple Podcasts")
			.containsKeys("Overcast", "AntennaPod", "Castro");
	}

	@Test
	void aConfiguredLinkMustBeAnAddressNotScriptAndBlankIsUnset() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SubscribeProperties("javascript:alert(1)", null, null, null, null, null, null, null,
					null, null, null, List.of()))
			.withMessageContaining("podsite.subscribe.apple");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SubscribeProperties(null, "open.spotify.com/show", null, null, null, null, null, null,
					null, null, null, List.of()))
			.withMessageContaining("podsite.subscribe.spotify");
		assertThatIllegalArgumentException().isThrownBy(() -> new SubscribeProperties(null, null, "https://", null,
				null, null, null, null, null, null, null, List.of()));
		SubscribeProperties blank = new SubscribeProperties(" ", null, null, null, null, null,
				"podcastaddict://podcast.example/feed.xml", null, null, null, null, List.of());
		assertThat(blank.apple()).isNull();
		assertThat(blank.podcastAddict()).as("an app's own link").isEqualTo("podcastaddict://podcast.example/feed.xml");
	}

	private static SubscribeProperties none() {
		return new SubscribeProperties(null, null, null, null, null, null, null, null, null, null, null, List.of());
	}

	private static SubscribeLinks links(SubscribeProperties properties) {
		return new SubscribeLinks(properties, SITE);
	}

	private static Map<String, String> hrefs(SubscribeLinks.Subscribe subscribe) {
		return subscribe.links()
			.stream()
			.collect(Collectors.toMap(SubscribeLinks.Link::name, SubscribeLinks.Link::href, (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

}
