package dev.podsite.feedpublish;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.podsite.feedpublish.FeedFinding.Directory;
import dev.podsite.feedpublish.FeedFinding.Severity;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;

/**
 * What Apple Podcasts, Spotify and the Podcast Index would flag in an RSS feed, read from
 * its parsed document alone: it fetches nothing (artwork whose size the feed does not
 * declare is said to be unchecked, for the import's artwork measurements to size in the
 * background), so it checks the source feed and our own alike.
 */
public final class FeedCheck {

	/**
	 * A feed past this size earns a warning. No directory publishes a hard limit we could
	 * verify; Apple asks to keep feeds small and is known to stop reading very large
	 * ones, and every app downloads the whole feed on each poll. 10 MB is a feed of
	 * thousands of episodes with long notes, where hosts usually start to trim old ones.
	 */
	static final long LARGE_FEED_BYTES = 10L * 1024 * 1024;

	/** Apple: artwork from 1400 x 1400 to 3000 x 3000 pixels, square. */
	public static final int SMALLEST_ARTWORK = 1400;

	public static final int LARGEST_ARTWORK = 3000;

	private static final Namespace ITUNES = FeedRenderer.ITUNES;

	private static final Set<Directory> ALL = EnumSet.allOf(Directory.class);

	private FeedCheck() {
	}

	/**
	 * @param feed the parsed feed (RSS 2.0)
	 * @param bytes the feed's size as served
	 * @return the findings, the feed's first, then each episode's in the feed's order
	 */
	public static List<FeedFinding> check(Document feed, long bytes) {
		List<FeedFinding> findings = new ArrayList<>();
		Element channel = feed.getRootElement().getChild("channel");
		if (channel == null) {
			findings.add(new FeedFinding("not-rss", Severity.ERROR, null, null, ALL));
			return findings;
		}
		if (bytes > LARGE_FEED_BYTES) {
			findings.add(new FeedFinding("feed-large", Severity.WARNING, null, (bytes / (1024 * 1024)) + " MB", ALL));
		}
		checkArtwork(channel, findings);
		if (channel.getChild("explicit", ITUNES) == null) {
			findings.add(new FeedFinding("explicit-missing", Severity.ERROR, null, null, EnumSet.of(Directory.APPLE)));
		}
		Set<String> guids = new HashSet<>();
		for (Element item : channel.getChildren("item")) {
			checkItem(item, guids, findings);
		}
		return findings;
	}

	private static void checkArtwork(Element channel, List<FeedFinding> findings) {
		Element itunesImage = channel.getChild("image", ITUNES);
		String url = (itunesImage != null) ? blankToNull(itunesImage.getAttributeValue("href")) : null;
		Element rssImage = channel.getChild("image");
		if (url == null) {
			findings.add(new FeedFinding("artwork-missing", Severity.ERROR, null, null,
					EnumSet.of(Directory.APPLE, Directory.SPOTIFY)));
			return;
		}
		if (!isHttps(url)) {
			findings.add(new FeedFinding("artwork-not-https", Severity.WARNING, null, url,
					EnumSet.of(Directory.APPLE, Directory.SPOTIFY)));
		}
		// Only RSS's own <image> can declare a size, and only for its own URL.
		Integer width = (rssImage != null && url.equals(rssImage.getChildTextTrim("url")))
				? number(rssImage.getChildTextTrim("width")) : null;
		Integer height = (rssImage != null && url.equals(rssImage.getChildTextTrim("url")))
				? number(rssImage.getChildTextTrim("height")) : null;
		if (width == null || height == null) {
			findings
				.add(new FeedFinding("artwork-size-unknown", Severity.INFO, null, url, EnumSet.of(Directory.APPLE)));
		}
		else if (!width.equals(height) || width < SMALLEST_ARTWORK || width > LARGEST_ARTWORK) {
			findings.add(new FeedFinding("artwork-size", Severity.ERROR, null, width + " × " + height,
					EnumSet.of(Directory.APPLE)));
		}
	}

	private static void checkItem(Element item, Set<String> guids, List<FeedFinding> findings) {
		String guid = blankToNull(item.getChildText("guid"));
		String title = blankToNull(item.getChildTextTrim("title"));
		String episode = (title != null) ? title : guid;
		if (guid == null) {
			findings.add(new FeedFinding("guid-missing", Severity.WARNING, episode, null,
					EnumSet.of(Directory.APPLE, Directory.PODCAST_INDEX)));
		}
		else if (!guids.add(guid)) {
			findings.add(new FeedFinding("guid-duplicate", Severity.ERROR, episode, guid, ALL));
		}
		Element enclosure = item.getChild("enclosure");
		String url = (enclosure != null) ? blankToNull(enclosure.getAttributeValue("url")) : null;
		if (url == null) {
			findings.add(new FeedFinding("audio-missing", Severity.ERROR, episode, null, ALL));
			return;
		}
		if (!isHttps(url)) {
			findings.add(new FeedFinding("audio-not-https", Severity.WARNING, episode, url,
					EnumSet.of(Directory.APPLE, Directory.SPOTIFY)));
		}
		Long length = longNumber(enclosure.getAttributeValue("length"));
		if (length == null || length <= 0) {
			findings.add(new FeedFinding("audio-length-missing", Severity.WARNING, episode, null,
					EnumSet.of(Directory.APPLE, Directory.PODCAST_INDEX)));
		}
		String type = blankToNull(enclosure.getAttributeValue("type"));
		if (type == null) {
			findings.add(new FeedFinding("audio-type-missing", Severity.ERROR, episode, null,
					EnumSet.of(Directory.APPLE, Directory.SPOTIFY)));
		}
		else if (!type.toLowerCase(Locale.ROOT).startsWith("audio/")
				&& !type.toLowerCase(Locale.ROOT).startsWith("video/")) {
			findings.add(new FeedFinding("audio-type-unknown", Severity.WARNING, episode, type,
					EnumSet.of(Directory.APPLE, Directory.SPOTIFY)));
		}
	}

	private static boolean isHttps(String url) {
		return url.strip().toLowerCase(Locale.ROOT).startsWith("https://");
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static @Nullable Integer number(@Nullable String text) {
		Long number = longNumber(text);
		return (number != null && number <= Integer.MAX_VALUE) ? number.intValue() : null;
	}

	private static @Nullable Long longNumber(@Nullable String text) {
		if (text == null || !text.strip().matches("[0-9]{1,18}")) {
			return null;
		}
		return Long.parseLong(text.strip());
	}

}
