package dev.podsite.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.podsite.support.SiteProperties;
import org.jspecify.annotations.Nullable;

/**
 * The subscribe buttons: each app's link, the configured one (the show's page there) or
 * one built from the feed's absolute address where the app documents a link that takes a
 * feed. Apps with neither have no button.
 * <p>
 * Built from the feed, with their sources: AntennaPod's
 * {@code https://antennapod.org/deeplink/subscribe?url=…&title=…} (antennapod.org, "Add
 * on AntennaPod"); Pocket Casts' {@code pktc://subscribe/host/path} (the scheme its
 * Android app declares, read back as the feed's address by its own tests; the Podlove
 * Subscribe Button uses it too); Overcast's {@code overcast://x-callback-url/add?url=…}
 * (the Podlove Subscribe Button's and protocol-launcher's references; Overcast itself
 * documents {@code https://overcast.fm/itunes<id>} for shows in Apple Podcasts, used when
 * the Apple Podcasts address is configured). Castro documents
 * {@code https://castro.fm/itunes/<id>} only, so it needs the Apple Podcasts id too. No
 * documented link takes a feed for Podcast Addict, Fountain, Podverse or the Podcast
 * Index: configured only.
 */
class SubscribeLinks {

	// The show's id in an Apple Podcasts address: .../podcast/name/id1234567890
	private static final Pattern APPLE_ID = Pattern.compile("/id([0-9]+)(?:[/?#]|$)");

	private final SubscribeProperties properties;

	private final String feedUrl;

	private final @Nullable String appleId;

	private volatile @Nullable Made last;

	SubscribeLinks(SubscribeProperties properties, SiteProperties site) {
		this.properties = properties;
		this.feedUrl = site.url("/feed.xml");
		Matcher id = (properties.apple() != null) ? APPLE_ID.matcher(properties.apple()) : null;
		this.appleId = (id != null && id.find()) ? id.group(1) : null;
	}

	/** The buttons for the show, titled {@code showTitle} (AntennaPod shows it). */
	Subscribe of(String showTitle) {
		// Every page shows them: made again only when the title changed.
		Made last = this.last;
		if (last == null || !last.showTitle().equals(showTitle)) {
			last = new Made(showTitle, make(showTitle));
			this.last = last;
		}
		return last.subscribe();
	}

	private Subscribe make(String showTitle) {
		List<Link> links = new ArrayList<>();
		for (SubscribeApp app : SubscribeApp.values()) {
			String href = this.properties.hidden().contains(app) ? null : href(app, showTitle);
			if (href != null) {
				links.add(new Link(app.label(), href, app.icon()));
			}
		}
		return new Subscribe(this.feedUrl, List.copyOf(links));
	}

	private @Nullable String href(SubscribeApp app, String showTitle) {
		String configured = this.properties.of(app);
		if (configured != null) {
			return configured;
		}
		return switch (app) {
			case OVERCAST -> (this.appleId != null) ? "https://overcast.fm/itunes" + this.appleId
					: "overcast://x-callback-url/add?url=" + encode(this.feedUrl);
			case POCKET_CASTS -> "pktc://subscribe/" + this.feedUrl.replaceFirst("^https?://", "");
			case ANTENNAPOD ->
				"https://antennapod.org/deeplink/subscribe?url=" + encode(this.feedUrl) + "&title=" + encode(showTitle);
			case CASTRO -> (this.appleId != null) ? "https://castro.fm/itunes/" + this.appleId : null;
			default -> null;
		};
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The show's buttons and the feed's absolute address, for any other app.
	 */
	public record Subscribe(String feedUrl, List<Link> links) {
	}

	/** One button: the app's name (its text), its link and its icon's path. */
	public record Link(String name, String href, String icon) {
	}

	private record Made(String showTitle, Subscribe subscribe) {
	}

}
