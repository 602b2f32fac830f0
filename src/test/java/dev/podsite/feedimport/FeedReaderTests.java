package dev.podsite.feedimport;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedReaderTests {

	private static final URI URL = URI.create("https://feeds.example/show.xml");

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
			.withMessageContaining("declares a DOCTYPE, which we do not read");
	}

	@Test
	void refusesHtmlThatIsNotAFeed() {
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> read("<!DOCTYPE html>\n<html><head><title>Oops</title></head><body>Error</body></html>"))
			.withMessageContaining("answered with an HTML page, not a feed");
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
		assertThat(read.warnings()).singleElement().asString().contains("itunes: prefix without declaring");
		assertThat(FeedMapper.map(read, URL).episodes().get(0).durationSeconds()).isEqualTo(3725);
	}

	private static FeedReader.ReadFeed read(String body) throws FeedImportException {
		return FeedReader.parse(new FetchedFeed(URL, body.getBytes(StandardCharsets.UTF_8), "text/xml"));
	}

}
