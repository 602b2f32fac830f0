package dev.podsite.feedpublish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.ExternalTool;
import dev.podsite.support.Fixtures;
import dev.podsite.support.SiteHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real podcast clients read the re-published feed whole: Python's feedparser (what many
 * readers are built on) without a single complaint, and the Podcast Index's parser
 * (podcast-partytime) with every item's guid, enclosure and Podcasting 2.0 tags. The
 * feeds are those of the shared corpus, imported and re-published one after the other.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedClientsTests {

	private static final Path PYTHON = Path.of("/usr/bin/python3");

	/** The corpus is published once for the tests of this class. */
	private static Map<String, List<PublishedItem>> corpus;

	/** The source of each re-published feed of the corpus. */
	private static final Map<String, String> sources = new LinkedHashMap<>();

	@TempDir
	private static Path published;

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@TempDir
	private Path dir;

	@Test
	void feedparserReadsEveryRepublishedFeedWithoutComplaint() throws Exception {
		ExternalTool.require("python3-feedparser", Path.of("/usr/lib/python3/dist-packages/feedparser"),
				"apt-get install python3-feedparser (or run .ci/run)");
		Map<String, List<PublishedItem>> published = publishCorpus();

		JsonNode read = run(List.of(PYTHON.toString(), script("feedparser_read.py")), published.keySet());
		for (Map.Entry<String, List<PublishedItem>> feed : published.entrySet()) {
			JsonNode result = read.get(feed.getKey());
			assertThat(result.get("bozo").asInt()).as(feed.getKey() + ": " + result.get("error").asString()).isZero();
			assertThat(result.get("version").asString()).isEqualTo("rss20");
			assertThat(result.get("encoding").asString()).isEqualToIgnoringCase("utf-8");
			List<JsonNode> items = list(result.get("items"));
			assertThat(items).as(feed.getKey()).hasSameSizeAs(feed.getValue());
			for (int i = 0; i < items.size(); i++) {
				PublishedItem expected = feed.getValue().get(i);
				JsonNode item = items.get(i);
				assertThat(item.get("guid").asString()).as(feed.getKey()).isEqualTo(expected.guid());
				JsonNode enclosure = item.get("enclosures").get(0);
				assertThat(enclosure.get("url").asString()).as(expected.guid()).isEqualTo(expected.audioUrl());
				assertThat(enclosure.get("type").asString()).as(expected.guid()).isEqualTo(expected.audioType());
				assertThat(enclosure.get("length").asString()).as(expected.guid())
					.isEqualTo(String.valueOf(expected.audioLength()));
			}
		}
	}

	@Test
	void feedparserReadsTheLiveFeedOverHttpGzippedToo() throws Exception {
		ExternalTool.require("python3-feedparser", Path.of("/usr/lib/python3/dist-packages/feedparser"),
				"apt-get install python3-feedparser (or run .ci/run)");
		Database.clear(this.jdbc);
		new ImporterHarness(this.context).importFrom(Fixtures.feed("real/mike-neumann-show_sovereign-feeds.xml"));
		SiteHttp site = new SiteHttp(this.port);
		String url = site.url("/feed.xml");
		assertThat(site.get("/feed.xml", "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding"))
			.as("feedparser asks for gzip")
			.hasValue("gzip");

		JsonNode result = run(List.of(PYTHON.toString(), script("feedparser_read.py")), List.of(url)).get(url);
		assertThat(result.get("bozo").asInt()).as(result.get("error").asString()).isZero();
		assertThat(list(result.get("items"))).hasSize(published().size()).isNotEmpty();
	}

	@Test
	void partytimeReadsEveryItemWithItsGuidEnclosureAndPodcastingTags() throws Exception {
		Path partytime = ExternalTool.npmPackage("podcast-partytime", "package.json").getParent();
		Map<String, List<PublishedItem>> published = publishCorpus();

		JsonNode read = run(List.of("node", script("partytime_read.js"), partytime.toString()), published.keySet());
		int chapters = 0;
		int transcripts = 0;
		int persons = 0;
		for (Map.Entry<String, List<PublishedItem>> feed : published.entrySet()) {
			JsonNode result = read.get(feed.getKey());
			assertThat(result.isNull()).as(feed.getKey() + " is read").isFalse();
			List<JsonNode> items = list(result.get("items"));
			assertThat(items).as(feed.getKey()).hasSameSizeAs(feed.getValue());
			for (int i = 0; i < items.size(); i++) {
				PublishedItem expected = feed.getValue().get(i);
				JsonNode item = items.get(i);
				assertThat(item.get("guid").asString()).as(feed.getKey()).isEqualTo(expected.guid().strip());
				assertThat(item.get("enclosure").get("url").asString()).isEqualTo(expected.audioUrl());
				assertThat(item.get("enclosure").get("type").asString()).isEqualTo(expected.audioType());
				assertThat(item.get("enclosure").get("length").asLong()).isEqualTo(expected.audioLength());
				assertThat(item.get("chapters").isNull() ? null : item.get("chapters").asString()).as(expected.guid())
					.isEqualTo(expected.chaptersUrl());
				assertThat(strings(item.get("transcripts"))).as(expected.guid()).isEqualTo(expected.transcripts());
				assertThat(strings(item.get("persons"))).as(expected.guid()).isEqualTo(expected.persons());
				chapters += (expected.chaptersUrl() != null) ? 1 : 0;
				transcripts += expected.transcripts().size();
				persons += expected.persons().size();
			}
		}
		// The corpus does exercise every tag compared above.
		assertThat(chapters).isGreaterThan(50);
		assertThat(transcripts).isGreaterThan(50);
		assertThat(persons).isGreaterThan(50);
	}

	/**
	 * What the site keeps as the source wrote it reaches apps as the source said it: the
	 * Podcast Index's parser reads the same value recipients and splits, alternate
	 * enclosures, soundbites, social-interact links and people in the source and in the
	 * re-published feed, channel and item by item (matched by guid).
	 */
	@Test
	void partytimeReadsTheSameValueEnclosuresSoundbitesAndPeopleInTheSourceAndTheRepublishedFeed() throws Exception {
		Path partytime = ExternalTool.npmPackage("podcast-partytime", "package.json").getParent();
		Map<String, List<PublishedItem>> published = publishCorpus();
		List<String> files = new ArrayList<>(published.keySet());
		files.addAll(sources.values());

		JsonNode read = run(List.of("node", script("partytime_read.js"), partytime.toString()), files);
		Map<String, Integer> compared = new LinkedHashMap<>();
		for (String file : published.keySet()) {
			JsonNode republished = read.get(file);
			JsonNode source = read.get(sources.get(file));
			for (String field : List.of("value", "podroll", "people")) {
				assertThat(republished.get(field)).as(sources.get(file) + ": the channel's " + field)
					.isEqualTo(source.get(field));
			}
			Map<String, JsonNode> sourceItems = new LinkedHashMap<>();
			for (JsonNode item : source.get("items")) {
				if (!item.get("guid").isNull()) {
					sourceItems.putIfAbsent(item.get("guid").asString(), item);
				}
			}
			for (JsonNode item : republished.get("items")) {
				JsonNode from = sourceItems.get(item.get("guid").asString());
				if (from == null) {
					continue;
				}
				for (String field : List.of("value", "alternateEnclosures", "soundbites", "socialInteract", "people")) {
					assertThat(item.get(field)).as(sources.get(file) + ": " + field + " of " + item.get("guid"))
						.isEqualTo(from.get(field));
					if (!from.get(field).isNull() && !from.get(field).isEmpty()) {
						compared.merge(field, 1, Integer::sum);
					}
				}
			}
		}
		// The corpus does exercise every tag compared above.
		assertThat(compared).as("items compared that have each")
			.containsKeys("value", "alternateEnclosures", "soundbites", "socialInteract", "people");
	}

	/**
	 * Imports every well-formed show of the corpus in turn and saves its re-published
	 * feed; answers each saved file with the items the site published in it.
	 */
	private Map<String, List<PublishedItem>> publishCorpus() throws Exception {
		if (corpus != null) {
			return corpus;
		}
		Map<String, List<PublishedItem>> published = new LinkedHashMap<>();
		SiteHttp site = new SiteHttp(this.port);
		for (String name : Fixtures.wellFormedShows()) {
			Database.clear(this.jdbc);
			ImportRun run = new ImporterHarness(this.context).importFrom(Fixtures.feed(name));
			if (run.getErrorMessage() != null) {
				continue;
			}
			Path file = FeedClientsTests.published.resolve(name.replace('/', '_'));
			Files.write(file, site.body("/feed.xml"));
			published.put(file.toString(), published());
			sources.put(file.toString(), Fixtures.feed(name).toString());
		}
		assertThat(published).hasSizeGreaterThan(30);
		corpus = published;
		return published;
	}

	/** What the site publishes, as the database has it: newest first. */
	private List<PublishedItem> published() {
		return this.jdbc.query("""
				SELECT guid, audio_url, audio_length, audio_type, chapters_url,
					ARRAY(SELECT url FROM episode_transcript t WHERE t.episode_id = e.id ORDER BY position) transcripts,
					ARRAY(SELECT name FROM episode_person p WHERE p.episode_id = e.id ORDER BY position) persons
				FROM episode e
				WHERE NOT hidden AND published_at <= now() AND audio_url IS NOT NULL
				ORDER BY published_at DESC, id DESC
				""",
				(row, i) -> new PublishedItem(row.getString("guid"), row.getString("audio_url"),
						row.getLong("audio_length"), row.getString("audio_type"), row.getString("chapters_url"),
						Arrays.asList((String[]) row.getArray("transcripts").getArray()),
						Arrays.asList((String[]) row.getArray("persons").getArray())));
	}

	private JsonNode run(List<String> command, Iterable<String> sources) throws IOException, InterruptedException {
		Path out = this.dir.resolve("clients-" + System.nanoTime() + ".json");
		List<String> full = new ArrayList<>(command);
		full.add(out.toString());
		sources.forEach(full::add);
		Process process = new ProcessBuilder(full).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("clients.log").toFile())
			.start();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(Files.readString(this.dir.resolve("clients.log"))).isZero();
		return this.json.readTree(out.toFile());
	}

	private static String script(String name) throws IOException {
		return new ClassPathResource("clients/" + name).getFile().getAbsolutePath();
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		array.forEach(items::add);
		return items;
	}

	private static List<String> strings(JsonNode array) {
		return list(array).stream().map(JsonNode::asString).toList();
	}

	private record PublishedItem(String guid, String audioUrl, long audioLength, String audioType, String chaptersUrl,
			List<String> transcripts, List<String> persons) {
	}

}
