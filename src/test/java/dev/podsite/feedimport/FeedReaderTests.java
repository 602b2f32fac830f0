package dev.podsite.feedimport;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

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
			.isThrownBy(() -> read("<html><head><title>Oops</title></head><body>Error</body></html>"))
			.withMessageContaining("is not an RSS or Atom feed");
	}

	private static void read(String body) throws FeedImportException {
		FeedReader.parse(new FetchedFeed(URL, body.getBytes(StandardCharsets.UTF_8), "text/xml"));
	}

}
