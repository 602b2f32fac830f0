package dev.podsite.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.podsite.support.WebAddresses;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where listeners subscribe besides the feed: the show's page in each directory or app
 * (an https address, or an app's own link), which wins over any link built from the feed.
 * A directory without a page here has no button.
 *
 * @param apple the show in Apple Podcasts, e.g.
 * {@code https://podcasts.apple.com/us/podcast/name/id1234567890}; its id also gives
 * Overcast's and Castro's links
 * @param spotify the show in Spotify
 * @param youtubeMusic the show in YouTube Music
 * @param overcast instead of the link built from the feed
 * @param pocketCasts instead of the link built from the feed
 * @param antennapod instead of the link built from the feed
 * @param podcastAddict the show in Podcast Addict (no documented link takes a feed)
 * @param castro the show in Castro; else built from the Apple Podcasts id
 * @param fountain the show in Fountain
 * @param podverse the show in Podverse
 * @param podcastIndex the show in the Podcast Index
 * @param hidden apps without a button even though a link could be built
 */
@ConfigurationProperties("podsite.subscribe")
record SubscribeProperties(@Nullable String apple, @Nullable String spotify, @Nullable String youtubeMusic,
		@Nullable String overcast, @Nullable String pocketCasts, @Nullable String antennapod,
		@Nullable String podcastAddict, @Nullable String castro, @Nullable String fountain, @Nullable String podverse,
		@Nullable String podcastIndex, @DefaultValue List<SubscribeApp> hidden) {

	// Configuration is the host's, but a link that runs code or holds a document is no
	// subscription.
	private static final Set<String> REFUSED_SCHEMES = Set.of("javascript", "vbscript", "data", "file", "blob",
			"about");

	SubscribeProperties {
		apple = address("apple", apple);
		spotify = address("spotify", spotify);
		youtubeMusic = address("youtube-music", youtubeMusic);
		overcast = address("overcast", overcast);
		pocketCasts = address("pocket-casts", pocketCasts);
		antennapod = address("antennapod", antennapod);
		podcastAddict = address("podcast-addict", podcastAddict);
		castro = address("castro", castro);
		fountain = address("fountain", fountain);
		podverse = address("podverse", podverse);
		podcastIndex = address("podcast-index", podcastIndex);
	}

	/** The configured link of an app, or null. */
	@Nullable String of(SubscribeApp app) {
		return switch (app) {
			case APPLE_PODCASTS -> this.apple;
			case SPOTIFY -> this.spotify;
			case YOUTUBE_MUSIC -> this.youtubeMusic;
			case OVERCAST -> this.overcast;
			case POCKET_CASTS -> this.pocketCasts;
			case ANTENNAPOD -> this.antennapod;
			case PODCAST_ADDICT -> this.podcastAddict;
			case CASTRO -> this.castro;
			case FOUNTAIN -> this.fountain;
			case PODVERSE -> this.podverse;
			case PODCAST_INDEX -> this.podcastIndex;
		};
	}

	/** Blank is unset; anything else must be an absolute address fit for an href. */
	private static @Nullable String address(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String cleaned = WebAddresses.clean(value);
		URI uri = (cleaned != null) ? URI.create(cleaned) : null;
		if (uri == null || !uri.isAbsolute() || REFUSED_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
				|| (uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
						&& WebAddresses.web(cleaned, null) == null)) {
			throw new IllegalArgumentException("podsite.subscribe." + name
					+ " must be the show's address there (https://…) or the app's own link, not '" + value + "'");
		}
		return cleaned;
	}

}
