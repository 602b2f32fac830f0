package dev.podsite.feedimport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.podsite.episode.EpisodeLink;
import dev.podsite.episode.Person;
import dev.podsite.episode.Transcript;
import dev.podsite.episode.EpisodeType;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.show.ShowContent;
import dev.podsite.show.Funding;
import dev.podsite.show.ShowCategory;
import dev.podsite.support.HostNotice;
import org.junit.jupiter.api.Test;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.map;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

class FeedMapperTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	@Test
	void mapsTheChannelToTheShow() throws Exception {
		ShowContent show = map(
				rss("""
						<language>en-us</language>
						<copyright>© 2024 Test</copyright>
						<itunes:author>Ann Host</itunes:author>
						<itunes:owner><itunes:name>Ann Owner</itunes:name><itunes:email>ann@show.example</itunes:email></itunes:owner>
						<itunes:image href="https://show.example/art.jpg"/>
						<itunes:category text="Technology"><itunes:category text="Software How-To"/></itunes:category>
						<itunes:category text="Education"/>
						<itunes:explicit>false</itunes:explicit>
						<itunes:type>serial</itunes:type>
						<podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
						<podcast:locked owner="ann@show.example">yes</podcast:locked>
						<podcast:funding url="https://show.example/support">Support us</podcast:funding>
						"""))
			.show();
		assertThat(show.title()).isEqualTo("Test Show");
		assertThat(show.link()).isEqualTo("https://show.example/");
		assertThat(show.descriptionHtml()).contains("A show for tests.");
		assertThat(show.author()).isEqualTo("Ann Host");
		assertThat(show.ownerName()).isEqualTo("Ann Owner");
		assertThat(show.ownerEmail()).isEqualTo("ann@show.example");
		assertThat(show.imageUrl()).isEqualTo("https://show.example/art.jpg");
		assertThat(show.language()).isEqualTo("en-us");
		assertThat(show.copyright()).isEqualTo("© 2024 Test");
		assertThat(show.categories()).containsExactly(new ShowCategory("Technology", null),
				new ShowCategory("Software How-To", "Technology"), new ShowCategory("Education", null));
		assertThat(show.explicit()).isFalse();
		assertThat(show.type()).isEqualTo("serial");
		assertThat(show.podcastGuid()).isEqualTo("917393e3-1b1e-5cef-ace4-edaa54e1f810");
		assertThat(show.locked()).isTrue();
		assertThat(show.lockedOwner()).isEqualTo("ann@show.example");
		assertThat(show.fundings()).containsExactly(new Funding("https://show.example/support", "Support us"));
	}

	@Test
	void keepsTheShowsOwnPeopleWithWebAddressesOnly() throws Exception {
		ImportedFeed feed = map(
				rss("""
						<podcast:person role="Host" group="Cast" href="https://ann.example" img="/ann.jpg">  Ann Host </podcast:person>
						<podcast:person role="producer" href="javascript:alert(1)">Pat Producer</podcast:person>
						"""));
		assertThat(feed.people()).containsExactly(
				new Person("Ann Host", "host", "cast", "https://feeds.example/ann.jpg", "https://ann.example"),
				new Person("Pat Producer", "producer", null, null, null));
		assertThat(HostNotice.english(feed.warnings()))
			.contains("Dropped the link of \"Pat Producer\" in the show, \"javascript:alert(1)\":"
					+ " only http and https addresses are kept.");
		assertThat(map(rss("")).people()).isEmpty();
	}

	@Test
	void identityIsTheTrimmedGuidWhileTheGuidIsKeptAsWritten() throws Exception {
		ImportedEpisode episode = single(item("  abc-123 \n", "One", DATE, ""));
		assertThat(episode.identity()).isEqualTo("abc-123");
		assertThat(episode.guid()).isEqualTo("  abc-123 \n");
		assertThat(episode.guidPermalink()).isFalse();
	}

	@Test
	void identityFallsBackToEnclosureThenLinkThenAHash() throws Exception {
		ImportedFeed feed = map(rss("",
				item(null, "By enclosure", DATE,
						"<enclosure url=\" https://cdn.example/1.mp3\" length=\"100\" type=\"audio/mpeg\"/>"),
				item(null, "By link", DATE, "<link>https://show.example/2</link>"), item(null, "By hash", DATE, "")));
		List<ImportedEpisode> episodes = feed.episodes();
		assertThat(episodes).extracting(ImportedEpisode::identity)
			.containsExactly("https://cdn.example/1.mp3", "https://show.example/2",
					EpisodeIdentity.of(null, null, null, "By hash", Instant.parse("2024-01-01T10:00:00Z")));
		assertThat(episodes.get(2).identity()).startsWith("sha256:");
		// Re-published feeds need a guid: the stable identity stands in.
		assertThat(episodes).allSatisfy((e) -> assertThat(e.guid()).isEqualTo(e.identity()));
	}

	@Test
	void theSameIdentityTwiceKeepsTheFirstAndWarns() throws Exception {
		ImportedFeed feed = map(rss("", item("dup", "First", DATE, ""), item(" dup ", "Second", DATE, "")));
		assertThat(feed.episodes()).extracting(ImportedEpisode::title).containsExactly("First");
		assertThat(HostNotice.english(feed.warnings())).singleElement()
			.asString()
			.contains("Second")
			.contains("kept the first");
	}

	@Test
	void titlesAreTrimmedAndFallBackToTheItunesTitle() throws Exception {
		ImportedFeed feed = map(rss("", item("a", "  Spaced  ", DATE, ""),
				item("b", null, DATE, "<itunes:title>From iTunes</itunes:title>"), item("c", null, DATE, "")));
		assertThat(feed.episodes()).extracting(ImportedEpisode::title)
			.containsExactly("Spaced", "From iTunes", "Untitled episode");
		assertThat(HostNotice.english(feed.warnings())).anySatisfy((w) -> assertThat(w).contains("no title"));
	}

	@Test
	void missingAndUnparseableDatesGetAFallbackAndAWarning() throws Exception {
		ImportedFeed feed = map(
				rss("", item("a", "Newest", "Wed, 03 Jan 2024 10:00:00 +0000", ""), item("b", "No date", null, ""),
						item("c", "Bad date", "the day after tomorrow", ""), item("d", "Oldest", DATE, "")));
		assertThat(feed.episodes()).hasSize(4);
		assertThat(feed.episodes().get(1).publishedAt()).isEqualTo(Instant.parse("2024-01-03T09:59:59Z"));
		assertThat(feed.episodes().get(2).publishedAt()).isEqualTo(Instant.parse("2024-01-03T09:59:58Z"));
		assertThat(HostNotice.english(feed.warnings())).hasSize(2)
			.allSatisfy((w) -> assertThat(w).contains("no valid publication date"));
	}

	@Test
	void anItemWithoutAnyDatedNeighbourIsLeftForTheStoreToDate() throws Exception {
		ImportedFeed feed = map(rss("", item("a", "Alone", null, "")));
		assertThat(feed.episodes().get(0).publishedAt()).isNull();
		assertThat(HostNotice.english(feed.warnings())).singleElement().asString().contains("time of its first import");
	}

	@Test
	void readsEveryDurationForm() throws Exception {
		ImportedFeed feed = map(rss("", item("a", "Seconds", DATE, "<itunes:duration>3023</itunes:duration>"),
				item("b", "MM:SS", DATE, "<itunes:duration>58:07</itunes:duration>"),
				item("c", "H:MM:SS", DATE, "<itunes:duration>1:02:05</itunes:duration>"),
				item("d", "Padded", DATE, "<itunes:duration>\n\t\t01:30:46\n\t</itunes:duration>"),
				item("e", "Fraction", DATE, "<itunes:duration>835.821875</itunes:duration>"),
				item("f", "None", DATE, "")));
		assertThat(feed.episodes()).extracting((e) -> e.content().duration())
			.containsExactly(3023, 3487, 3725, 5446, 836, null);
	}

	@Test
	void aDurationThatIsNotALengthIsLeftOutWithAWarning() throws Exception {
		ImportedFeed feed = map(rss("", item("a", "Letters", DATE, "<itunes:duration>abc</itunes:duration>"),
				item("b", "Iso", DATE, "<itunes:duration>PT1H</itunes:duration>"),
				item("c", "Comma", DATE, "<itunes:duration>5,000</itunes:duration>"),
				item("d", "Negative", DATE, "<itunes:duration>-5</itunes:duration>"),
				item("e", "Four parts", DATE, "<itunes:duration>1:02:03:04</itunes:duration>"),
				item("f", "Long minutes", DATE, "<itunes:duration> 61:30 </itunes:duration>"),
				item("g", "Empty", DATE, "<itunes:duration></itunes:duration>")));
		assertThat(feed.episodes()).extracting((e) -> e.content().duration())
			.containsExactly(null, null, null, null, null, 3690, null);
		assertThat(HostNotice.english(feed.warnings())).containsExactly(
				"\"Letters\" has the duration \"abc\", which is not a length in seconds, M:SS or H:MM:SS;"
						+ " it is shown without one.",
				"\"Iso\" has the duration \"PT1H\", which is not a length in seconds, M:SS or H:MM:SS;"
						+ " it is shown without one.",
				"\"Comma\" has the duration \"5,000\", which is not a length in seconds, M:SS or H:MM:SS;"
						+ " it is shown without one.",
				"\"Negative\" has the duration \"-5\", which is not a length in seconds, M:SS or H:MM:SS;"
						+ " it is shown without one.",
				"\"Four parts\" has the duration \"1:02:03:04\", which is not a length in seconds, M:SS or H:MM:SS;"
						+ " it is shown without one.");
	}

	@Test
	void readsTheDurationOfAtomEntriesAndOldRssToo() throws Exception {
		ImportedFeed atom = map("""
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
				<title>A</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated><link href="https://a.example/"/>
				<entry><id>urn:a:1</id><title>E1</title><updated>2024-01-01T00:00:00Z</updated>
				<itunes:duration>2:00</itunes:duration></entry>
				<entry><id>urn:a:2</id><title>E2</title><updated>2024-01-02T00:00:00Z</updated>
				<itunes:duration>soon</itunes:duration></entry></feed>
				""");
		assertThat(atom.episodes()).extracting((e) -> e.content().duration()).containsExactly(120, null);
		assertThat(HostNotice.english(atom.warnings())).singleElement()
			.asString()
			.startsWith("\"E2\" has the duration \"soon\"");
		ImportedFeed rss092 = map(rss("", item("a", "Old", DATE, "<itunes:duration>1:00</itunes:duration>"))
			.replace("version=\"2.0\"", "version=\"0.92\""));
		assertThat(rss092.episodes()).extracting((e) -> e.content().duration()).containsExactly(60);
	}

	@Test
	void mapsEnclosureItunesAndPodcastingTwoTags() throws Exception {
		ImportedEpisode episode = single(item("a", "Full", DATE,
				"""
						<link>https://show.example/ep/1</link>
						<enclosure url="https://cdn.example/1.mp3" length="123456" type="audio/mpeg"/>
						<itunes:season>2</itunes:season>
						<itunes:episode>7</itunes:episode>
						<itunes:episodeType>Bonus</itunes:episodeType>
						<itunes:explicit>true</itunes:explicit>
						<itunes:image href="https://show.example/ep1.jpg"/>
						<podcast:chapters url="https://show.example/ep1/chapters.json" type="application/json+chapters"/>
						<podcast:transcript url="https://show.example/ep1.vtt" type="text/vtt" language="en"/>
						<podcast:person role="guest" href="https://guest.example" img="https://guest.example/me.jpg">Gus Guest</podcast:person>
						"""));
		assertThat(episode.link()).isEqualTo("https://show.example/ep/1");
		assertThat(episode.content().audioUrl()).isEqualTo("https://cdn.example/1.mp3");
		assertThat(episode.content().audioLength()).isEqualTo(123456L);
		assertThat(episode.content().audioType()).isEqualTo("audio/mpeg");
		assertThat(episode.content().season()).isEqualTo(2);
		assertThat(episode.content().episodeNumber()).isEqualTo(7);
		assertThat(episode.content().episodeType()).isEqualTo(EpisodeType.BONUS);
		assertThat(episode.content().explicit()).isTrue();
		assertThat(episode.imageUrl()).isEqualTo("https://show.example/ep1.jpg");
		assertThat(episode.chaptersUrl()).isEqualTo("https://show.example/ep1/chapters.json");
		assertThat(episode.chaptersType()).isEqualTo("application/json+chapters");
		assertThat(episode.transcripts())
			.containsExactly(new Transcript("https://show.example/ep1.vtt", "text/vtt", "en", null));
		assertThat(episode.persons()).containsExactly(
				new Person("Gus Guest", "guest", null, "https://guest.example/me.jpg", "https://guest.example"));
	}

	@Test
	void anEnclosureWithoutATypeGetsItsUrlsTypeAndAWarning() throws Exception {
		ImportedFeed feed = map(rss("",
				item("a", "Untyped", DATE, "<enclosure url=\"https://cdn.example/1.m4a\" length=\"1\" type=\"\"/>"),
				item("b", "Unknown", DATE, "<enclosure url=\"https://cdn.example/get?id=2\" length=\"1\"/>")));
		assertThat(feed.episodes()).extracting((e) -> e.content().audioType())
			.containsExactly("audio/x-m4a", "application/octet-stream");
		assertThat(HostNotice.english(feed.warnings()))
			.anyMatch((warning) -> warning.contains("\"Untyped\" has no type"));
	}

	@Test
	void notesPreferContentEncodedThenDescriptionThenItunesSummary() throws Exception {
		ImportedFeed feed = map(rss("", item("a", "A", DATE,
				"<description>short</description>" + "<content:encoded><![CDATA[<p>Full notes</p>]]></content:encoded>"
						+ "<itunes:summary>summary</itunes:summary>"),
				item("b", "B", DATE, "<description>From description</description><itunes:summary>s</itunes:summary>"),
				item("c", "C", DATE, "<itunes:summary>From summary</itunes:summary>")));
		assertThat(feed.episodes().get(0).content().notes().html()).contains("Full notes").doesNotContain("short");
		assertThat(feed.episodes().get(1).content().notes().html()).contains("From description");
		assertThat(feed.episodes().get(2).content().notes().html()).contains("From summary");
	}

	@Test
	void notesAreSanitizedWithLinksResolvedAndListed() throws Exception {
		ImportedEpisode episode = single(item("a", "Hostile", DATE, """
				<content:encoded><![CDATA[<p onclick="steal()">Hi <script>alert(1)</script>
				<a href="/guests/ann">Ann</a> and <a href="javascript:alert(2)">click</a>
				<iframe src="https://evil.example"></iframe><style>body{}</style></p>]]></content:encoded>
				"""));
		assertThat(episode.content().notes().html())
			.doesNotContain("<script", "onclick", "javascript:", "<iframe", "<style")
			.contains("href=\"https://show.example/guests/ann\"")
			.contains("nofollow")
			.contains("noopener");
		assertThat(episode.content().notes().links())
			.containsExactly(new EpisodeLink("Ann", "https://show.example/guests/ann"));
		assertThat(episode.content().notes().summary()).startsWith("Hi").doesNotContain("alert");
	}

	@Test
	void plainTextNotesBecomeParagraphsWithLinkedUrls() throws Exception {
		ImportedEpisode episode = single(item("a", "Plain", DATE,
				"<description>First paragraph.\n\nSee https://rust-lang.org for more.</description>"));
		assertThat(episode.content().notes().html()).contains("<p>First paragraph.</p>")
			.contains("<a href=\"https://rust-lang.org\"");
		assertThat(episode.content().notes().links()).extracting(EpisodeLink::url)
			.containsExactly("https://rust-lang.org");
	}

	@Test
	void honoursTheDeclaredEncoding() throws Exception {
		String xml = rss("", item("a", "Notícias de São Paulo", DATE, "")).replace("UTF-8", "ISO-8859-1");
		FetchedFeed latin1 = new FetchedFeed(TestFeeds.FEED_URL, xml.getBytes(StandardCharsets.ISO_8859_1), null);
		ImportedFeed feed = FeedMapper.map(FeedReader.parse(latin1), TestFeeds.FEED_URL);
		assertThat(feed.episodes().get(0).title()).isEqualTo("Notícias de São Paulo");
	}

	@Test
	void keepsOnlyHttpAndHttpsAddressesWhereThePagesPrintThemAndSaysWhatWasDropped() throws Exception {
		ImportedFeed feed = map(rss("""
				<podcast:funding url="javascript:alert('fund')">Fund</podcast:funding>
				<podcast:funding url="https://show.example/support">Support</podcast:funding>
				<itunes:image href="javascript:alert('img')"/>
				""", item("a", "Hostile", DATE, """
				<link>javascript:alert('link')</link>
				<enclosure url="javascript:alert('enc')" type="audio/mpeg" length="5"/>
				<itunes:image href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"/>
				<podcast:person href="javascript:alert('person')" img="vbscript:x">Eve</podcast:person>
				<podcast:transcript url="javascript:alert('tr')" type="text/html"/>
				<podcast:transcript url="https://show.example/a.vtt" type="text/vtt"/>
				<podcast:chapters url="file:///etc/passwd" type="application/json+chapters"/>
				""")).replace("<link>https://show.example/</link>", "<link>javascript:alert('chan')</link>"));
		assertThat(feed.show().link()).isNull();
		assertThat(feed.show().imageUrl()).isNull();
		assertThat(feed.show().fundings()).containsExactly(new Funding("https://show.example/support", "Support"));
		ImportedEpisode episode = feed.episodes().get(0);
		assertThat(episode.link()).isNull();
		assertThat(episode.content().audioUrl()).isNull();
		assertThat(episode.content().audioType()).isNull();
		assertThat(episode.imageUrl()).isNull();
		assertThat(episode.persons()).containsExactly(new Person("Eve", null, null, null, null));
		assertThat(episode.transcripts()).extracting(Transcript::url).containsExactly("https://show.example/a.vtt");
		assertThat(episode.chaptersUrl()).isNull();
		assertThat(episode.chaptersType()).isNull();
		assertThat(HostNotice.english(feed.warnings())).contains(
				"Dropped the show's link, \"javascript:alert('chan')\": only http and https addresses are kept.",
				"Dropped the show's image, \"javascript:alert('img')\": only http and https addresses are kept.",
				"Dropped a funding link of the show, \"javascript:alert('fund')\": only http and https addresses are"
						+ " kept.",
				"Dropped the link of \"Hostile\", \"javascript:alert('link')\": only http and https addresses are kept.",
				"Dropped the audio of \"Hostile\", \"javascript:alert('enc')\": only http and https addresses are kept.",
				"Dropped the image of \"Hostile\", \"data:image/svg+xml,<svg onload=alert(1)>\": only http and https"
						+ " addresses are kept.",
				"Dropped the link of \"Eve\" in \"Hostile\", \"javascript:alert('person')\": only http and https"
						+ " addresses are kept.",
				"Dropped the image of \"Eve\" in \"Hostile\", \"vbscript:x\": only http and https addresses are kept.",
				"Dropped a transcript of \"Hostile\", \"javascript:alert('tr')\": only http and https addresses are"
						+ " kept.",
				"Dropped the chapters of \"Hostile\", \"file:///etc/passwd\": only http and https addresses are kept.");
	}

	@Test
	void resolvesRelativeAddressesAgainstTheFeedsAddress() throws Exception {
		ImportedEpisode episode = single(item("a", "Relative", DATE, """
				<link>/episodes/1</link>
				<enclosure url="audio/1.mp3" type="audio/mpeg" length="5"/>
				<podcast:person href="//people.example/ann" img="/img/ann.jpg">Ann</podcast:person>
				<podcast:chapters url="chapters/1.json" type="application/json+chapters"/>
				<podcast:transcript url="/t/1.vtt" type="text/vtt"/>
				"""));
		assertThat(episode.link()).isEqualTo("https://feeds.example/episodes/1");
		assertThat(episode.content().audioUrl()).isEqualTo("https://feeds.example/audio/1.mp3");
		assertThat(episode.persons()).containsExactly(
				new Person("Ann", null, null, "https://feeds.example/img/ann.jpg", "https://people.example/ann"));
		assertThat(episode.chaptersUrl()).isEqualTo("https://feeds.example/chapters/1.json");
		assertThat(episode.transcripts()).extracting(Transcript::url).containsExactly("https://feeds.example/t/1.vtt");
	}

	@Test
	void aRelativeAddressInAFeedReadFromAFileIsDroppedWithAReason() throws Exception {
		URI file = URI.create("file:/srv/feeds/show.xml");
		String xml = rss("",
				item("a", "Local", DATE, "<enclosure url=\"audio/1.mp3\" type=\"audio/mpeg\" length=\"5\"/>"));
		ImportedFeed feed = FeedMapper.map(FeedReader.parse(TestFeeds.fetched(xml)), file);
		assertThat(feed.episodes().get(0).content().audioUrl()).isNull();
		assertThat(HostNotice.english(feed.warnings()))
			.contains("Dropped the audio of \"Local\", \"audio/1.mp3\": a relative address, and"
					+ " the feed's own address file:/srv/feeds/show.xml is not a web address to resolve it against.");
	}

	private static ImportedEpisode single(String item) throws FeedImportException {
		return map(rss("", item)).episodes().get(0);
	}

}
