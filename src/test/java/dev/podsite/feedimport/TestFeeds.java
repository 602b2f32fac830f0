package dev.podsite.feedimport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Small RSS documents written inline, for tests of one rule at a time.
 */
public final class TestFeeds {

	static final URI FEED_URL = URI.create("https://feeds.example/show.xml");

	private TestFeeds() {
	}

	/** An RSS 2.0 feed with the usual namespaces, the given channel extras and items. */
	public static String rss(String channelExtras, String... items) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
				  xmlns:content="http://purl.org/rss/1.0/modules/content/"
				  xmlns:podcast="https://podcastindex.org/namespace/1.0">
				<channel>
				  <title>Test Show</title>
				  <link>https://show.example/</link>
				  <description>A show for tests.</description>
				""" + channelExtras + Arrays.stream(items).collect(Collectors.joining("\n")) + """
				</channel>
				</rss>
				""";
	}

	public static String item(String guid, String title, String pubDate, String extras) {
		return "<item>" + ((guid != null) ? "<guid isPermaLink=\"false\">" + guid + "</guid>" : "")
				+ ((title != null) ? "<title>" + title + "</title>" : "")
				+ ((pubDate != null) ? "<pubDate>" + pubDate + "</pubDate>" : "") + extras + "</item>";
	}

	static ImportedFeed map(String xml) throws FeedImportException {
		return FeedMapper.map(FeedReader.parse(fetched(xml)), FEED_URL);
	}

	static FetchedFeed fetched(String xml) {
		return new FetchedFeed(FEED_URL, xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
	}

}
