package dev.podsite.feedimport;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.podsite.support.HostNotice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedReaderTests {

	private static final URI URL = URI.create("https://feeds.example/show.xml");

	private static final String TITLE = "Notícias de São Paulo";

	/** The XML declaration names no encoding, as in several real feeds. */
	private static final String UNDECLARED = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Show</title>"
			+ "<link>https://show.example/</link><description>d</description><item><guid>a</guid><title>" + TITLE
			+ "</title></item></channel></rss>";

	@Test
	void refusesAnEmptyBody() {
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> read(""))
			.withMessageContaining("is empty");
	}

	@Test
	void saysWhereTheXmlBreaks() {
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> read("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>x</chanel>"))
			.withMessageContaining("is not valid XML at line 4");
	}

	@Test
	void refusesADoctypeSoNoEntityIsExpandedOrLocalFileRead() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<rss version="2.0"><channel><title>&xxe;</title></channel></rss>
				""";
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> read(xxe))
			.withMessageContaining("was refused: it declares a DOCTYPE, which the site does not read");
	}

	@Test
	void refusesHtmlThatIsNotAFeed() {
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> read("<!DOCTYPE html>\n<html><head><title>Oops</title></head><body>Error</body></html>"))
			.withMessageContaining("answered with an HTML page, not a feed");
	}

	@Test
	void anHtmlPageIsToldAfterAnyNumberOfCommentsWithoutRecursion() {
		String comments = "<!-- x -->\n".repeat(100_000);
		assertThat(FeedReader.isHtmlPage(comments + "<!DOCTYPE html><html></html>")).isTrue();
		assertThat(FeedReader.isHtmlPage(comments + "<HTML lang=\"en\">")).isTrue();
		assertThat(FeedReader.isHtmlPage(" \t<!doctype\n  HTML>")).isTrue();
		assertThat(FeedReader.isHtmlPage(comments + "<rss version=\"2.0\"></rss>")).isFalse();
		assertThat(FeedReader.isHtmlPage("<?xml version=\"1.0\"?><html/>")).isFalse();
		assertThat(FeedReader.isHtmlPage("<!-- not closed <html>")).isFalse();
		assertThat(FeedReader.isHtmlPage("<!DOCTYPEhtml>")).isFalse();
		assertThat(FeedReader.isHtmlPage("")).isFalse();
	}

	@Test
	void aFeedWithMoreItemsThanAllowedIsRefusedAndOneWithAsManyIsRead() throws Exception {
		String feed = "<rss version=\"2.0\"><channel><title>Show</title><link>https://show.example/</link>"
				+ "<description>d</description>" + "<item><guid>a</guid></item>".repeat(3) + "</channel></rss>";
		byte[] body = feed.getBytes(StandardCharsets.UTF_8);
		assertThat(FeedReader.parse(new FetchedFeed(URL, body, "text/xml"), 3, 1_000).feed().getEntries()).hasSize(3);
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> FeedReader.parse(new FetchedFeed(URL, body, "text/xml"), 2, 1_000))
			.withMessage("The feed at " + URL + " lists 3 items, more than the 2 the site imports"
					+ " (podsite.feed.max-items). Nothing of the feed was imported.");
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> FeedReader.parse(new FetchedFeed(URL, body, "text/xml"), 3, 10))
			.withMessage("The feed at " + URL + " holds 11 XML elements, more than the 10 the site reads"
					+ " (podsite.feed.max-elements). Nothing of the feed was imported.");
	}

	@Test
	void countsItemsAndEntriesOfEveryKindAndWhatTakesMemory() {
		assertThat(FeedSize.count("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry/><entry/></feed>"))
			.isEqualTo(new FeedSize(2, 3));
		assertThat(FeedSize.count("<rdf:RDF><channel/><item/><item/><item/></rdf:RDF>")).isEqualTo(new FeedSize(3, 5));
		// Undeclared prefixes do not stop the count, nor do unknown entities.
		assertThat(FeedSize.count("<rss><channel><item><itunes:title>&nbsp;</itunes:title></item></channel></rss>"))
			.isEqualTo(new FeedSize(1, 4));
		assertThat(FeedSize
			.count("<rss><channel><item><![CDATA[a]]><![CDATA[b]]><!-- c --><?pi x?></item>" + "</channel></rss>"))
			.isEqualTo(new FeedSize(1, 7));
	}

	@Test
	void theCountStopsAtADoctypeOrWhereTheXmlBreaks() {
		assertThat(FeedSize.count("""
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<rss><channel><item>&xxe;</item></channel></rss>""")).isEqualTo(new FeedSize(0, 0));
		assertThat(FeedSize.count("<rss><channel><item/><item></chanel><item/></rss>")).isEqualTo(new FeedSize(2, 4));
	}

	@Test
	void refusesARootElementWithoutAChannel() {
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> read("<rss>\n</rss>"))
			.withMessageContaining("is not an RSS or Atom feed (it has no channel)");
	}

	@Test
	void readsAnUndeclaredItunesPrefixAsTheItunesNamespaceAndSaysSo() throws Exception {
		FeedReader.ReadFeed read = read(
				"""
						<rss version="2.0"><channel><title>t</title><link>https://show.example/</link><description>d</description>
						<item><guid>1</guid><title>One</title><itunes:duration>1:02:05</itunes:duration></item>
						</channel></rss>""");
		assertThat(HostNotice.english(read.warnings())).singleElement()
			.asString()
			.contains("itunes: prefix without declaring");
		assertThat(FeedMapper.map(read, URL).episodes().get(0).content().duration()).isEqualTo(3725);
	}

	@Test
	void aUtf8FeedServedAsTextXmlWithoutCharsetIsReadAsUtf8() throws Exception {
		// RFC 3023 made such a body US-ASCII; RFC 7303 (and feedparser) read UTF-8.
		assertThat(title(UNDECLARED.getBytes(StandardCharsets.UTF_8), "text/xml")).isEqualTo(TITLE);
		assertThat(title(UNDECLARED.getBytes(StandardCharsets.UTF_8), "application/rss+xml")).isEqualTo(TITLE);
		assertThat(title(UNDECLARED.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(TITLE);
	}

	@Test
	void readsTheCharsetTheHeaderNamesWhenTheDeclarationNamesNone() throws Exception {
		assertThat(title(UNDECLARED.getBytes(StandardCharsets.ISO_8859_1), "text/xml; charset=ISO-8859-1"))
			.isEqualTo(TITLE);
		assertThat(
				title(UNDECLARED.getBytes(StandardCharsets.ISO_8859_1), "application/rss+xml;charset=\"iso-8859-1\""))
			.isEqualTo(TITLE);
	}

	@Test
	void aByteOrderMarkDecidesWhenTheHeaderNamesNoCharset() throws Exception {
		byte[] utf16 = ("\uFEFF" + UNDECLARED).getBytes(StandardCharsets.UTF_16LE);
		assertThat(title(utf16, "text/xml")).isEqualTo(TITLE);
	}

	@Test
	void theDeclarationWinsOverAContradictingHeaderAndTheRunSaysSo() throws Exception {
		// Servers add a default charset made for their HTML pages; the program that wrote
		// the feed declared what it wrote.
		String declared = UNDECLARED.replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		FeedReader.ReadFeed utf8 = read(declared.getBytes(StandardCharsets.UTF_8), "text/xml; charset=ISO-8859-1");
		assertThat(utf8.feed().getEntries().get(0).getTitle()).isEqualTo(TITLE);
		assertThat(HostNotice.english(utf8.warnings())).containsExactly(
				"The server says the feed is ISO-8859-1 but the feed declares UTF-8; it was read as UTF-8.");

		String latin1 = UNDECLARED.replace("<?xml version=\"1.0\"?>",
				"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
		assertThat(title(latin1.getBytes(StandardCharsets.ISO_8859_1), "application/rss+xml; charset=utf-8"))
			.isEqualTo(TITLE);
	}

	@Test
	void anUnknownHeaderCharsetIsIgnoredWithAWarning() throws Exception {
		FeedReader.ReadFeed read = read(UNDECLARED.getBytes(StandardCharsets.UTF_8), "text/xml; charset=no-such");
		assertThat(read.feed().getEntries().get(0).getTitle()).isEqualTo(TITLE);
		assertThat(HostNotice.english(read.warnings())).singleElement()
			.asString()
			.contains("\"no-such\", which is unknown");
	}

	private static String title(byte[] body, String contentType) throws FeedImportException {
		return read(body, contentType).feed().getEntries().get(0).getTitle();
	}

	private static FeedReader.ReadFeed read(byte[] body, String contentType) throws FeedImportException {
		return FeedReader.parse(new FetchedFeed(URL, body, contentType));
	}

	private static FeedReader.ReadFeed read(String body) throws FeedImportException {
		return FeedReader.parse(new FetchedFeed(URL, body.getBytes(StandardCharsets.UTF_8), "text/xml"));
	}

}
