package dev.podsite.web;

/**
 * The apps and directories a listener can subscribe with, in the order the buttons show
 * them, with the name each button says and its icon (ours, in static/icons/subscribe).
 */
public enum SubscribeApp {

	APPLE_PODCASTS("Apple Podcasts", "apple-podcasts"), SPOTIFY("Spotify", "spotify"),
	YOUTUBE_MUSIC("YouTube Music", "youtube-music"), OVERCAST("Overcast", "overcast"),
	POCKET_CASTS("Pocket Casts", "pocket-casts"), ANTENNAPOD("AntennaPod", "antennapod"),
	PODCAST_ADDICT("Podcast Addict", "podcast-addict"), CASTRO("Castro", "castro"), FOUNTAIN("Fountain", "fountain"),
	PODVERSE("Podverse", "podverse"), PODCAST_INDEX("Podcast Index", "podcast-index");

	private final String label;

	private final String icon;

	SubscribeApp(String label, String icon) {
		this.label = label;
		this.icon = icon;
	}

	public String label() {
		return this.label;
	}

	/** The icon's path, under /assets. */
	public String icon() {
		return "/assets/icons/subscribe/" + this.icon + ".svg";
	}

}
