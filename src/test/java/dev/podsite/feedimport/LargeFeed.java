package dev.podsite.feedimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A realistic feed of many episodes (about 1.5 KB each: notes with links, iTunes and
 * Podcasting 2.0 tags), for import and page tests at scale and for the benchmarks.
 */
public final class LargeFeed {

	private LargeFeed() {
	}

	public static Path write(Path file, int episodes) {
		StringBuilder xml = new StringBuilder(episodes * 1600);
		xml.append("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
				  xmlns:content="http://purl.org/rss/1.0/modules/content/"
				  xmlns:podcast="https://podcastindex.org/namespace/1.0">
				<channel>
				  <title>Large Show</title>
				  <link>https://large.example/</link>
				  <description>A show with many episodes.</description>
				  <language>en</language>
				  <itunes:author>Lara Large</itunes:author>
				  <itunes:category text="Technology"/>
				""");
		Instant newest = Instant.parse("2026-01-01T06:00:00Z");
		for (int n = episodes; n >= 1; n--) {
			String date = DateTimeFormatter.RFC_1123_DATE_TIME
				.format(newest.minusSeconds(86_400L * (episodes - n)).atOffset(ZoneOffset.UTC));
			xml.append("<item><guid isPermaLink=\"false\">large-")
				.append(n)
				.append("</guid>")
				.append("<title>Episode ")
				.append(n)
				.append(": Rust at scale, part ")
				.append(n)
				.append("</title>")
				.append("<pubDate>")
				.append(date)
				.append("</pubDate>")
				.append("<link>https://large.example/episodes/")
				.append(n)
				.append("</link>")
				.append("<enclosure url=\"https://cdn.large.example/")
				.append(n)
				.append(".mp3\" length=\"48000000\" type=\"audio/mpeg\"/>")
				.append("<itunes:duration>")
				.append(1800 + n % 3600)
				.append("</itunes:duration>")
				.append("<itunes:episode>")
				.append(n)
				.append("</itunes:episode>")
				.append("<podcast:transcript url=\"https://large.example/")
				.append(n)
				.append(".vtt\" type=\"text/vtt\"/>")
				.append("<content:encoded><![CDATA[<p>In episode ")
				.append(n)
				.append(" we talk about ownership, lifetimes, async runtimes and how a team moved a busy service to Rust.")
				.append(" We cover the migration plan, the first incidents, what the on-call rotation learned and"
						+ " which crates made the difference.</p><ul>")
				.append("<li><a href=\"https://docs.rs/tokio\">Tokio</a></li>")
				.append("<li><a href=\"https://serde.rs/\">Serde</a></li>")
				.append("<li><a href=\"https://large.example/notes/")
				.append(n)
				.append("\">Full notes</a></li>")
				.append("</ul><p>Thanks for listening, and see you next week.</p>]]></content:encoded></item>\n");
		}
		xml.append("</channel></rss>\n");
		try {
			return Files.writeString(file, xml, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
