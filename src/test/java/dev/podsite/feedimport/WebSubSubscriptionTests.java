package dev.podsite.feedimport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.podsite.support.Database;
import dev.podsite.support.WebSubHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site subscribes to the WebSub hub its source feed declares and imports when the hub
 * pushes a signed change, over real HTTP: a fixture hub receives the subscription, the
 * test plays the hub's verification and pushes against the running server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebSubSubscriptionTests {

	private static final String TOPIC = "https://feeds.example/show.xml";

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	private static final WebSubHub hub = WebSubHub.start();

	private static final Path feedFile = temporaryFeed();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WebSubSubscriber subscriber;

	private Map<String, String> subscription;

	private String callbackPath;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("podsite.feed.url", () -> feedFile.toUri().toString());
		registry.add("podsite.websub.max-push-bytes", () -> "64KB");
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	@BeforeEach
	void importAFeedThatDeclaresAHubAndSubscribe() throws Exception {
		Database.clear(this.jdbc);
		hub.clear();
		writeFeed(item("one", "One", DATE, enclosure(1)));
		assertThat(new ImporterHarness(this.context).importFrom(feedFile).getStatus())
			.isEqualTo(ImportStatus.SUCCEEDED);
		this.subscriber.ensureSubscribed();
		this.subscription = hub.next(10);
		assertThat(this.subscription).as("the subscription request").isNotNull();
		this.callbackPath = URI.create(this.subscription.get("hub.callback")).getPath();
	}

	@Test
	void asksTheHubForPushesWithACallbackOfItsOwnAndASecret() throws Exception {
		assertThat(this.subscription).containsEntry("hub.mode", "subscribe")
			.containsEntry("hub.topic", TOPIC)
			.containsEntry("hub.lease_seconds", "864000");
		assertThat(this.subscription.get("hub.callback"))
			.matches("https://podcast\\.example/websub/callback/[A-Za-z0-9_-]{32}");
		assertThat(this.subscription.get("hub.secret")).matches("[A-Za-z0-9_-]{43}");
		assertThat(this.jdbc.queryForObject("SELECT secret FROM websub_subscription", String.class))
			.isEqualTo(this.subscription.get("hub.secret"));

		this.subscriber.ensureSubscribed();
		assertThat(hub.next(0)).as("a pending subscription is not asked for again").isNull();
	}

	@Test
	void echoesTheChallengeOnlyForItsPendingSubscriptionToThatTopic() throws Exception {
		assertThat(verify(this.callbackPath, "subscribe", "https://feeds.example/other.xml").statusCode())
			.isEqualTo(404);
		assertThat(verify("/websub/callback/unknown", "subscribe", TOPIC).statusCode()).isEqualTo(404);
		assertThat(verify(this.callbackPath, "unsubscribe", TOPIC).statusCode()).isEqualTo(404);
		assertThat(state()).isEqualTo("pending");

		HttpResponse<String> verified = verify(this.callbackPath, "subscribe", TOPIC);
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).isEqualTo("challenge-1234");
		assertThat(verified.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(state()).isEqualTo("active");
	}

	@Test
	void renewsASubscriptionBeforeItsLeaseEnds() throws Exception {
		assertThat(verify(this.callbackPath, "subscribe", TOPIC, "86400").statusCode()).isEqualTo(200);
		this.subscriber.ensureSubscribed();
		assertThat(hub.next(0)).as("half of the day the hub granted is still ahead").isNull();

		// A lease of no time at all is past its half at once.
		assertThat(verify(this.callbackPath, "subscribe", TOPIC, "0").statusCode()).isEqualTo(200);
		this.subscriber.ensureSubscribed();
		Map<String, String> renewal = hub.next(10);
		assertThat(renewal).isNotNull().containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", TOPIC);
		assertThat(renewal.get("hub.callback")).isNotEqualTo(this.subscription.get("hub.callback"));
	}

	@Test
	void aSignedPushImportsTheFeedWithinSeconds() throws Exception {
		verify(this.callbackPath, "subscribe", TOPIC);
		byte[] body = writeFeed(item("one", "One", DATE, enclosure(1)), item("two", "Two", DATE, enclosure(2)));

		HttpResponse<String> pushed = push(this.callbackPath, body, "sha256=" + hmac("HmacSHA256", body));
		assertThat(pushed.statusCode()).as("no CSRF token needed").isEqualTo(202);
		assertThat(waitForEpisodes(2)).isEqualTo(2);
	}

	@Test
	void aPushSignedWithSha1IsAcceptedToo() throws Exception {
		verify(this.callbackPath, "subscribe", TOPIC);
		byte[] body = writeFeed(item("one", "One", DATE, enclosure(1)), item("two", "Two", DATE, enclosure(2)));
		assertThat(push(this.callbackPath, body, "sha1=" + hmac("HmacSHA1", body)).statusCode()).isEqualTo(202);
		assertThat(waitForEpisodes(2)).isEqualTo(2);
	}

	@Test
	void aPushWithABadOrMissingSignatureIsIgnoredAndImportsNothing() throws Exception {
		verify(this.callbackPath, "subscribe", TOPIC);
		int runs = importRuns();
		byte[] body = writeFeed(item("one", "One", DATE, enclosure(1)), item("two", "Two", DATE, enclosure(2)));
		String forged = "sha256=" + HexFormat.of().formatHex(new byte[32]);

		assertThat(push(this.callbackPath, body, forged).statusCode()).isEqualTo(202);
		assertThat(push(this.callbackPath, body, null).statusCode()).isEqualTo(202);
		assertThat(push(this.callbackPath, body, "md5=00").statusCode()).isEqualTo(202);
		// Longer than the site waits before a pushed import.
		Thread.sleep(3000);
		assertThat(importRuns()).as("no import ran").isEqualTo(runs);
		assertThat(episodes()).isEqualTo(1);
	}

	@Test
	void anOversizedPushIsRefused() throws Exception {
		verify(this.callbackPath, "subscribe", TOPIC);
		byte[] body = new byte[64 * 1024 + 1];
		assertThat(push(this.callbackPath, body, "sha256=" + hmac("HmacSHA256", body)).statusCode()).isEqualTo(413);
	}

	@Test
	void aPushToAnUnknownCallbackIsNotFound() throws Exception {
		byte[] body = "x".getBytes(StandardCharsets.UTF_8);
		assertThat(push("/websub/callback/unknown", body, "sha256=" + hmac("HmacSHA256", body)).statusCode())
			.isEqualTo(404);
	}

	@Test
	void onlyAPublicSiteSubscribes() {
		assertThat(WebSubSubscriber.isPublic("https://podcast.example")).isTrue();
		assertThat(WebSubSubscriber.isPublic("http://localhost:8080")).isFalse();
		assertThat(WebSubSubscriber.isPublic("http://127.0.0.1:8080")).isFalse();
		assertThat(WebSubSubscriber.isPublic("http://10.1.2.3")).isFalse();
		assertThat(WebSubSubscriber.isPublic("http://[::1]:8080")).isFalse();
		assertThat(WebSubSubscriber.isPublic("http://podsite.local")).isFalse();
	}

	private HttpResponse<String> verify(String path, String mode, String topic) throws Exception {
		return verify(path, mode, topic, "864000");
	}

	private HttpResponse<String> verify(String path, String mode, String topic, String leaseSeconds) throws Exception {
		String query = "hub.mode=" + mode + "&hub.topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8)
				+ "&hub.challenge=challenge-1234&hub.lease_seconds=" + leaseSeconds;
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path + "?" + query)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> push(String path, byte[] body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/rss+xml")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Hub-Signature", signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String hmac(String algorithm, byte[] body) throws Exception {
		Mac mac = Mac.getInstance(algorithm);
		mac.init(new SecretKeySpec(this.subscription.get("hub.secret").getBytes(StandardCharsets.UTF_8), algorithm));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

	private int waitForEpisodes(int count) throws InterruptedException {
		for (int i = 0; i < 100 && episodes() < count; i++) {
			Thread.sleep(100);
		}
		return episodes();
	}

	private int episodes() {
		return this.jdbc.queryForObject("SELECT count(*) FROM episode", Integer.class);
	}

	private int importRuns() {
		return this.jdbc.queryForObject("SELECT count(*) FROM import_run", Integer.class);
	}

	private String state() {
		return this.jdbc.queryForObject("SELECT state FROM websub_subscription", String.class);
	}

	private static String enclosure(int n) {
		return "<enclosure url=\"https://media.example/" + n + ".mp3\" length=\"100\" type=\"audio/mpeg\"/>";
	}

	private static byte[] writeFeed(String... items) throws Exception {
		String links = "<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"hub\" href=\"" + hub.url() + "\"/>"
				+ "<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"self\" href=\"" + TOPIC + "\"/>";
		byte[] bytes = rss(links, items).getBytes(StandardCharsets.UTF_8);
		Files.write(feedFile, bytes);
		return bytes;
	}

	private static Path temporaryFeed() {
		try {
			Path file = Files.createTempFile("websub-feed", ".xml");
			file.toFile().deleteOnExit();
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
