package dev.podsite.feedpublish;

import java.io.StringReader;
import java.util.List;

import dev.podsite.feedpublish.FeedFinding.Directory;
import dev.podsite.feedpublish.FeedFinding.Severity;
import org.jdom2.Document;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the feed check flags, one small crafted feed per finding. */
class FeedCheckTests {

	private static final String ARTWORK = "<itunes:image href=\"https://cdn.example/art.jpg\"/>"
			+ "<image><url>https://cdn.example/art.jpg</url><title>t</title><link>https://x.example/</link>"
			+ "<width>1400</width><height>1400</height></image>";

	private static final String EXPLICIT = "<itunes:explicit>false</itunes:explicit>";

	private static final String GOOD_ITEM = item("One", "a",
			"<enclosure url=\"https://cdn.example/1.mp3\" " + "length=\"1000\" type=\"audio/mpeg\"/>");

	@Test
	void aFeedAsDirectoriesWantItHasNoFindings() throws Exception {
		assertThat(check(ARTWORK + EXPLICIT + GOOD_ITEM)).isEmpty();
	}

	@Test
	void missingArtworkIsAnErrorForAppleAndSpotify() throws Exception {
		assertThat(check(EXPLICIT + GOOD_ITEM)).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("artwork-missing");
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.episode()).isNull();
			assertThat(finding.directories()).containsExactlyInAnyOrder(Directory.APPLE, Directory.SPOTIFY);
		});
	}

	@Test
	void artworkOverHttpAndOfUnknownSizeIsSaidWithoutFetchingIt() throws Exception {
		assertThat(check("<itunes:image href=\"http://cdn.example/art.jpg\"/>" + EXPLICIT + GOOD_ITEM))
			.extracting(FeedFinding::code, FeedFinding::severity, FeedFinding::detail)
			.containsExactly(tuple("artwork-not-https", Severity.WARNING, "http://cdn.example/art.jpg"),
					tuple("artwork-size-unknown", Severity.INFO, "http://cdn.example/art.jpg"));
	}

	@Test
	void declaredArtworkOutsideApplesSizesIsFlagged() throws Exception {
		String small = ARTWORK.replace("1400", "600");
		String oblong = ARTWORK.replace("<height>1400", "<height>1500");
		String huge = ARTWORK.replace("1400", "4000");
		for (String artwork : List.of(small, oblong, huge)) {
			assertThat(check(artwork + EXPLICIT + GOOD_ITEM)).extracting(FeedFinding::code)
				.containsExactly("artwork-size");
		}
		assertThat(check(ARTWORK.replace("1400", "3000") + EXPLICIT + GOOD_ITEM)).isEmpty();
	}

	@Test
	void aMissingExplicitTagIsAnErrorForApple() throws Exception {
		assertThat(check(ARTWORK + GOOD_ITEM)).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("explicit-missing");
			assertThat(finding.directories()).containsExactly(Directory.APPLE);
		});
	}

	@Test
	void anEnclosureWithoutLengthOrTypeIsFlaggedForItsEpisode() throws Exception {
		String item = item("No length", "b", "<enclosure url=\"https://cdn.example/2.mp3\"/>");
		assertThat(check(ARTWORK + EXPLICIT + item))
			.extracting(FeedFinding::code, FeedFinding::severity, FeedFinding::episode)
			.containsExactly(tuple("audio-length-missing", Severity.WARNING, "No length"),
					tuple("audio-type-missing", Severity.ERROR, "No length"));
		String zero = item("Zero", "c",
				"<enclosure url=\"https://cdn.example/2.mp3\" length=\"0\" type=\"text/html\"/>");
		assertThat(check(ARTWORK + EXPLICIT + zero)).extracting(FeedFinding::code)
			.containsExactly("audio-length-missing", "audio-type-unknown");
	}

	@Test
	void audioOverHttpIsFlagged() throws Exception {
		String item = item("Plain", "d",
				"<enclosure url=\"http://cdn.example/3.mp3\" length=\"9\" type=\"audio/mpeg\"/>");
		assertThat(check(ARTWORK + EXPLICIT + item)).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("audio-not-https");
			assertThat(finding.episode()).isEqualTo("Plain");
			assertThat(finding.detail()).isEqualTo("http://cdn.example/3.mp3");
		});
	}

	@Test
	void anItemWithoutAudioIsAnErrorForEveryDirectory() throws Exception {
		assertThat(check(ARTWORK + EXPLICIT + item("Silent", "e", ""))).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("audio-missing");
			assertThat(finding.episode()).isEqualTo("Silent");
			assertThat(finding.directories()).containsExactlyInAnyOrder(Directory.values());
		});
	}

	@Test
	void aRepeatedGuidIsFlaggedOnTheEpisodeThatRepeatsIt() throws Exception {
		String again = item("Again", "a",
				"<enclosure url=\"https://cdn.example/4.mp3\" length=\"9\" type=\"audio/mpeg\"/>");
		assertThat(check(ARTWORK + EXPLICIT + GOOD_ITEM + again)).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("guid-duplicate");
			assertThat(finding.episode()).isEqualTo("Again");
			assertThat(finding.detail()).isEqualTo("a");
		});
	}

	@Test
	void anItemWithoutGuidIsNamedByItsTitle() throws Exception {
		String item = "<item><title>Anonymous</title><enclosure url=\"https://cdn.example/5.mp3\" length=\"9\" "
				+ "type=\"audio/mpeg\"/></item>";
		assertThat(check(ARTWORK + EXPLICIT + item)).extracting(FeedFinding::code, FeedFinding::episode)
			.containsExactly(tuple("guid-missing", "Anonymous"));
	}

	@Test
	void aVeryLargeFeedIsFlagged() throws Exception {
		Document feed = parse(ARTWORK + EXPLICIT + GOOD_ITEM);
		assertThat(FeedCheck.check(feed, FeedCheck.LARGE_FEED_BYTES)).isEmpty();
		assertThat(FeedCheck.check(feed, FeedCheck.LARGE_FEED_BYTES + 1)).extracting(FeedFinding::code)
			.containsExactly("feed-large");
	}

	@Test
	void aDocumentThatIsNoRssFeedSaysSo() throws Exception {
		Document atom = new SAXBuilder().build(new StringReader("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"));
		assertThat(FeedCheck.check(atom, 10)).extracting(FeedFinding::code).containsExactly("not-rss");
	}

	private static String item(String title, String guid, String enclosure) {
		return "<item><title>" + title + "</title><guid isPermaLink=\"false\">" + guid + "</guid>" + enclosure
				+ "</item>";
	}

	private static List<FeedFinding> check(String channelContent) throws Exception {
		return FeedCheck.check(parse(channelContent), 1000);
	}

	private static Document parse(String channelContent) throws Exception {
		return new SAXBuilder().build(new StringReader(
				"<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel>"
						+ "<title>Show</title>" + channelContent + "</channel></rss>"));
	}

}
