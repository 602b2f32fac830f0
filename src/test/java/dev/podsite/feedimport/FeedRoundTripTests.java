package dev.podsite.feedimport;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.podsite.episode.ImportedEpisode;
import dev.podsite.show.ShowContent;
import dev.podsite.show.ShowCategory;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.SiteHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import a feed, re-publish it, read the result back: the show and its own people, and
 * every public episode with audio item by item, come out as they went in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedRoundTripTests {

	private static final URI SITE_FEED = URI.create("https://podcast.example/feed.xml");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	static List<String> feeds() {
		return Fixtures.wellFormedShows();
	}

	@ParameterizedTest
	@MethodSource("feeds")
	void everyPublicEpisodeWithAudioComesBackAsItWentIn(String name) throws Exception {
		Path file = Fixtures.feed(name);
		ImportedFeed source = read(Files.readAllBytes(file), file.toUri());
		roundTrip(file, source);
	}

	@Test
	void theBundledSnapshotComesBackToo() throws Exception {
		byte[] demo = new ClassPathResource(FeedImporter.DEMO_FEED).getContentAsByteArray();
		Path file = Files.createTempFile("demo", ".xml");
		Files.write(file, demo);
		roundTrip(file, read(demo, file.toUri()));
	}

	private void roundTrip(Path file, ImportedFeed source) throws Exception {
		Database.clear(this.jdbc);
		ImportRun run = new ImporterHarness(this.context).importFrom(file);
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		byte[] published = new SiteHttp(this.port).body("/feed.xml");
		ImportedFeed result = read(published, SITE_FEED);

		assertSameShow(result.show(), source.show());
		assertThat(result.people()).as("the show's own podcast:person").isEqualTo(source.people());
		Instant now = Instant.now();
		List<ImportedEpisode> expected = source.episodes()
			.stream()
			.filter((e) -> e.content().audioUrl() != null && e.publishedAt() != null && !e.publishedAt().isAfter(now))
			.sorted(Comparator.comparing(ImportedEpisode::publishedAt).reversed())
			.toList();
		assertThat(result.episodes()).extracting(ImportedEpisode::publishedAt)
			.isSortedAccordingTo(Comparator.reverseOrder());
		// Episodes published at the same second may come in either order.
		Map<String, ImportedEpisode> byGuid = result.episodes()
			.stream()
			.collect(Collectors.toMap(ImportedEpisode::guid, Function.identity()));
		assertThat(byGuid).hasSameSizeAs(expected);
		for (ImportedEpisode episode : expected) {
			assertThat(byGuid).as("the published feed's guids").containsKey(episode.guid());
			assertSameEpisode(byGuid.get(episode.guid()), episode);
		}
	}

	/** Sub-categories are published nested in their parent, in the parent's place. */
	private static Map<String, List<String>> tree(List<ShowCategory> categories) {
		Map<String, List<String>> tree = new LinkedHashMap<>();
		for (ShowCategory category : categories) {
			String top = (category.parent() != null) ? category.parent() : category.name();
			List<String> subs = tree.computeIfAbsent(top, (name) -> new ArrayList<>());
			if (category.parent() != null) {
				subs.add(category.name());
			}
		}
		return tree;
	}

	private static void assertSameShow(ShowContent actual, ShowContent expected) {
		assertThat(actual.title()).isEqualTo(expected.title());
		assertThat(actual.language()).isEqualTo(expected.language());
		assertThat(actual.author()).isEqualTo(expected.author());
		assertThat(actual.ownerName()).isEqualTo(expected.ownerName());
		assertThat(actual.ownerEmail()).isEqualTo(expected.ownerEmail());
		assertThat(actual.imageUrl()).isEqualTo(expected.imageUrl());
		assertThat(tree(actual.categories())).isEqualTo(tree(expected.categories()));
		assertThat(actual.type()).isEqualTo(expected.type());
		assertThat(actual.podcastGuid()).isEqualTo(expected.podcastGuid());
		assertThat(actual.locked()).isEqualTo(expected.locked());
		assertThat(actual.fundings()).isEqualTo(expected.fundings());
		assertThat(actual.descriptionHtml()).isEqualTo(expected.descriptionHtml());
	}

	private static void assertSameEpisode(ImportedEpisode actual, ImportedEpisode expected) {
		String item = expected.guid();
		assertThat(actual.guid()).as(item).isEqualTo(expected.guid());
		assertThat(actual.guidPermalink()).as(item).isEqualTo(expected.guidPermalink());
		assertThat(actual.title()).as(item).isEqualTo(expected.title());
		assertThat(actual.publishedAt()).as(item).isEqualTo(expected.publishedAt().truncatedTo(ChronoUnit.SECONDS));
		assertThat(actual.content().audioUrl()).as(item).isEqualTo(expected.content().audioUrl());
		assertThat(actual.content().audioLength()).as(item).isEqualTo(expected.content().audioLength());
		assertThat(actual.content().audioType()).as(item).isEqualTo(expected.content().audioType());
		assertThat(actual.content().duration()).as(item).isEqualTo(expected.content().duration());
		assertThat(actual.content().season()).as(item).isEqualTo(expected.content().season());
		assertThat(actual.content().episodeNumber()).as(item).isEqualTo(expected.content().episodeNumber());
		assertThat(actual.content().episodeType()).as(item).isEqualTo(expected.content().episodeType());
		assertThat(actual.content().explicit()).as(item).isEqualTo(expected.content().explicit());
		assertThat(actual.imageUrl()).as(item).isEqualTo(expected.imageUrl());
		assertThat(actual.chaptersUrl()).as(item).isEqualTo(expected.chaptersUrl());
		assertThat(actual.chaptersType()).as(item).isEqualTo(expected.chaptersType());
		assertThat(actual.transcripts()).as(item).isEqualTo(expected.transcripts());
		assertThat(actual.persons()).as(item).isEqualTo(expected.persons());
		assertThat(actual.content().notes().html()).as(item).isEqualTo(expected.content().notes().html());
		assertThat(actual.content().notes().links()).as(item).isEqualTo(expected.content().notes().links());
	}

	private static ImportedFeed read(byte[] xml, URI url) throws FeedImportException {
		return FeedMapper.map(FeedReader.parse(new FetchedFeed(url, xml, null)), url);
	}

}
