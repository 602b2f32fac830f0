package dev.podsite.feedpublish;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.decoder.Decoder;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.show.ShowChanged;
import dev.podsite.support.Fixtures;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** How /feed.xml answers pollers, over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PublishedFeed feed;

	@TempDir
	private Path dir;

	@BeforeEach
	void importAShow() {
		Database.clear(this.jdbc);
		new ImporterHarness(this.context).importFrom(Fixtures.feed("real/launched_fireside_podcasting20.xml"));
	}

	@Test
	void servesRssWithStrongValidatorsAndCacheHeaders() throws Exception {
		HttpResponse<byte[]> response = get(request());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Content-Type")).isEqualToIgnoringCase("application/rss+xml;charset=utf-8");
		assertThat(header(response, "ETag")).matches("\"[A-Za-z0-9_-]+\"");
		assertThat(header(response, "Last-Modified")).endsWith("GMT");
		assertThat(header(response, "Cache-Control")).contains("public").contains("max-age=300");
		assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(header(response, "Set-Cookie")).as("pollers get no session").isNull();
		assertThat(new String(response.body(), StandardCharsets.UTF_8))
			.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
			.contains("<rss")
			.as("no WebSub hub is configured, so the feed names none")
			.doesNotContain("rel=\"hub\"");
	}

	@Test
	void answers304WithNoBodyToAPollerThatHasIt() throws Exception {
		HttpResponse<byte[]> first = get(request());
		String etag = header(first, "ETag");
		HttpResponse<byte[]> byEtag = get(request().header("If-None-Match", etag));
		assertThat(byEtag.statusCode()).isEqualTo(304);
		assertThat(byEtag.body()).isEmpty();
		assertThat(header(byEtag, "ETag")).isEqualTo(etag);

		HttpResponse<byte[]> byDate = get(request().header("If-Modified-Since", header(first, "Last-Modified")));
		assertThat(byDate.statusCode()).isEqualTo(304);
		assertThat(byDate.body()).isEmpty();

		assertThat(get(request().header("If-None-Match", "\"something-else\"")).statusCode()).isEqualTo(200);
		String longAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.EPOCH.atOffset(ZoneOffset.UTC));
		assertThat(get(request().header("If-Modified-Since", longAgo)).statusCode()).isEqualTo(200);
	}

	@Test
	void gzipsForClientsThatAcceptItAndTheBytesAreTheSameFeed() throws Exception {
		byte[] plain = get(request()).body();
		HttpResponse<byte[]> zipped = get(request().header("Accept-Encoding", "gzip, deflate"));
		assertThat(header(zipped, "Content-Encoding")).isEqualTo("gzip");
		assertThat(header(zipped, "Vary")).contains("Accept-Encoding");
		assertThat(zipped.body().length).isLessThan(plain.length / 3);
		assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes()).isEqualTo(plain);
		// The gzipped bytes have their own strong tag, and either tag revalidates.
		assertThat(header(zipped, "ETag")).isNotEqualTo(header(get(request()), "ETag"));
		assertThat(get(request().header("Accept-Encoding", "gzip").header("If-None-Match", header(zipped, "ETag")))
			.statusCode()).isEqualTo(304);
	}

	@Test
	void compressesWithBrotliForClientsThatNameItOnceNotPerRequest() throws Exception {
		byte[] plain = get(request()).body();
		HttpResponse<byte[]> brotli = get(request().header("Accept-Encoding", "gzip, deflate, br"));
		assertThat(header(brotli, "Content-Encoding")).isEqualTo("br");
		assertThat(header(brotli, "Vary")).contains("Accept-Encoding");
		assertThat(header(brotli, "Content-Length")).isEqualTo(String.valueOf(brotli.body().length));
		assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(plain);
		HttpResponse<byte[]> gzip = get(request().header("Accept-Encoding", "gzip"));
		assertThat(brotli.body().length).isLessThan(gzip.body().length);
		assertThat(header(brotli, "ETag")).isNotIn(header(gzip, "ETag"), header(get(request()), "ETag"));
		assertThat(get(request().header("Accept-Encoding", "br").header("If-None-Match", header(brotli, "ETag")))
			.statusCode()).isEqualTo(304);
		assertThat(header(get(request().header("Accept-Encoding", "br;q=0, gzip")), "Content-Encoding"))
			.isEqualTo("gzip");
	}

	@Test
	void headAnswersTheHeadersWithoutTheBody() throws Exception {
		HttpResponse<byte[]> get = get(request());
		HttpResponse<byte[]> head = get(request().method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(header(head, "ETag")).isEqualTo(header(get, "ETag"));
		assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(get.body().length));
	}

	@Test
	void isRenderedOncePerChangeAndAChangeShowsAtOnce() throws Exception {
		RenderedFeed first = this.feed.get().orElseThrow();
		assertThat(this.feed.get().orElseThrow()).isSameAs(first);
		String etag = header(get(request()), "ETag");

		new ImporterHarness(this.context)
			.importFrom(Fixtures.feed("real/apple-itunes-spec-example_all-about-everything.xml"));
		HttpResponse<byte[]> changed = get(request().header("If-None-Match", etag));
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("All About Everything");
		assertThat(this.feed.get().orElseThrow()).isNotSameAs(first);
	}

	@Test
	void aScheduledEpisodeJoinsTheFeedAtItsTime() throws Exception {
		Instant soon = Instant.now().plusSeconds(2);
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(soon.atOffset(ZoneOffset.UTC));
		new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"),
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<rss version="2.0"><channel><title>Soon</title><link>https://soon.example/</link><description>d</description>
						<item><guid>now</guid><title>Out now</title><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
						<enclosure url="https://cdn.example/now.mp3" length="1" type="audio/mpeg"/></item>
						<item><guid>soon</guid><title>Coming soon</title><pubDate>%s</pubDate>
						<enclosure url="https://cdn.example/soon.mp3" length="1" type="audio/mpeg"/></item>
						</channel></rss>
						"""
					.formatted(date));
		assertThat(text(get(request()))).contains("Out now").doesNotContain("Coming soon");
		Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 1100);
		assertThat(text(get(request()))).contains("Coming soon");
	}

	@Test
	void isUtf8WhateverTheSourcesEncodingAndCarriesNoHostileMarkup() throws Exception {
		String xml = """
				<?xml version="1.0" encoding="ISO-8859-1"?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
				<title>Notícias</title><link>https://noticias.example/</link><description>São Paulo</description>
				<item><guid>1</guid><title>Ação &lt;script&gt;alert(1)&lt;/script&gt;</title>
				<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
				<enclosure url="https://cdn.example/1.mp3" length="1" type="audio/mpeg"/>
				<content:encoded><![CDATA[<p onclick="steal()">Olá <a href="javascript:alert(1)">x</a></p>
				<script>alert(2)</script><iframe src="https://evil.example"></iframe><style>p{}</style>]]></content:encoded>
				</item></channel></rss>
				""";
		Path file = this.dir.resolve("latin1.xml");
		Files.write(file, xml.getBytes(StandardCharsets.ISO_8859_1));
		new ImporterHarness(this.context).importFrom(file);

		byte[] body = get(request()).body();
		Document feed = new SAXBuilder().build(new ByteArrayInputStream(body));
		Element item = feed.getRootElement().getChild("channel").getChild("item");
		assertThat(feed.getRootElement().getChild("channel").getChildText("title")).isEqualTo("Notícias");
		assertThat(item.getChildText("title")).isEqualTo("Ação <script>alert(1)</script>");
		String notes = item.getChildText("description");
		assertThat(notes).contains("Olá")
			.doesNotContainIgnoringCase("script")
			.doesNotContain("onclick", "javascript:", "iframe", "<style");
		assertThat(text(get(request()))).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
			.doesNotContain("<script");
	}

	@Test
	void anEmptySiteHasNoFeedYetAndSaysSo() throws Exception {
		Database.clear(this.jdbc);
		this.context.publishEvent(new ShowChanged());
		assertThat(get(request()).statusCode()).isEqualTo(503);
	}

	private HttpRequest.Builder request() {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/feed.xml"));
	}

	private HttpResponse<byte[]> get(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
