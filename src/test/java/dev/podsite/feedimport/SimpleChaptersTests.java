package dev.podsite.feedimport;

import java.nio.file.Files;

import dev.podsite.episode.Chapter;
import dev.podsite.support.Fixtures;
import dev.podsite.support.HostNotice;
import org.junit.jupiter.api.Test;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Podlove Simple Chapters inside an item, as the mapping reads them through rome-modules'
 * PSC module.
 */
class SimpleChaptersTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	@Test
	void readsEveryFormOfStartTheSpecAllows() throws Exception {
		ImportedFeed feed = map(Files.readString(Fixtures.feed("edge-cases/gpodder/chapters.rss")));
		assertThat(feed.episodes().get(0).chapters()).containsExactly(
				new Chapter(0, null, "Introduction", null, null, true),
				new Chapter(1, null, "Chapter II", null, null, true),
				new Chapter(62, null, "Chapter with Link", "http://example.com/", null, true),
				new Chapter(3723, null, "Chapter with Image", null, "http://example.org/image.png", true),
				new Chapter(3723.4, null, "Chapter with Everything", "http://example.net/psc",
						"http://example.net/image2.png", true));
	}

	@Test
	void readsThemInAtomEntriesToo() throws Exception {
		ImportedFeed feed = map(Files.readString(Fixtures.feed("edge-cases/hand-picked/psc-chapters_atom.xml")));
		assertThat(feed.episodes().get(0).chapters()).hasSize(3)
			.allSatisfy((chapter) -> assertThat(chapter.title()).isEqualTo("Lorem Ipsum"));
	}

	@Test
	void sortsThemAndSkipsThoseWithoutStartOrTitleSayingSo() throws Exception {
		ImportedFeed feed = map(rss("", item("1", "One", DATE, """
				<psc:chapters xmlns:psc="http://podlove.org/simple-chapters" version="1.2">
				  <psc:chapter start="00:02:00" title="Second" href="javascript:alert(1)"/>
				  <psc:chapter start="00:01:00.5" title="  First &amp; foremost "/>
				  <psc:chapter start="soon" title="Unreadable"/>
				  <psc:chapter start="00:03:00"/>
				</psc:chapters>
				""")));
		assertThat(feed.episodes().get(0).chapters()).containsExactly(
				new Chapter(60.5, null, "First & foremost", null, null, true),
				new Chapter(120, null, "Second", null, null, true));
		assertThat(HostNotice.english(feed.warnings())).containsExactly(
				"Dropped the link of the chapter \"Second\" of \"One\", \"javascript:alert(1)\": only http and https"
						+ " addresses are kept.",
				"Skipped 2 chapters of \"One\" without a title or a start like 00:01:02.500 (psc:chapter).");
	}

	@Test
	void anItemWithoutThemHasNone() throws Exception {
		assertThat(map(rss("", item("1", "One", DATE, ""))).episodes().get(0).chapters()).isEmpty();
	}

	private static ImportedFeed map(String xml) throws FeedImportException {
		return TestFeeds.map(xml);
	}

}
