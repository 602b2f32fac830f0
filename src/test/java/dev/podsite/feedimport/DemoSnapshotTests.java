package dev.podsite.feedimport;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.podsite.episode.EpisodeLink;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled demo snapshot holds the show's facts, no invented audio, and none of the
 * show's own prose.
 */
class DemoSnapshotTests {

	@Test
	void everyEpisodeOfTheShowIsThereWithItsFactsAndLinks() throws Exception {
		Map<String, ImportedEpisode> demo = demo().episodes()
			.stream()
			.collect(Collectors.toMap(ImportedEpisode::identity, Function.identity()));
		JsonNode facts = JsonMapper.builder().build().readTree(Fixtures.show("episodes.json").toFile());
		assertThat(demo).hasSize(facts.size());
		for (JsonNode fact : facts) {
			ImportedEpisode episode = demo.get("podsite-demo:rust-in-production:" + fact.get("path").asString());
			assertThat(episode).as(fact.get("path").asString()).isNotNull();
			assertThat(episode.title()).isEqualTo(expectedTitle(fact));
			assertThat(LocalDate.ofInstant(episode.publishedAt(), ZoneOffset.UTC))
				.isEqualTo(LocalDate.parse(fact.get("date").asString()));
			assertThat(episode.content().season()).isEqualTo(fact.get("season").asInt());
			assertThat(episode.content().episodeNumber()).isEqualTo(fact.get("episode").asInt());
			if (fact.hasNonNull("durationSeconds")) {
				assertThat(episode.content().duration()).isEqualTo(fact.get("durationSeconds").asInt());
			}
			for (JsonNode link : fact.get("links")) {
				assertThat(episode.content().notes().links())
					.contains(new EpisodeLink(link.get("text").asString().replaceAll("[\\s\\u00a0]+", " ").strip(),
							link.get("url").asString()));
			}
			assertThat(episode.content().audioUrl()).as("no invented audio").isNull();
		}
	}

	@Test
	void noSentenceOfTheShowsOwnProseIsCopied() throws Exception {
		String listing = Files.readString(Fixtures.show("show-listing.txt"));
		List<String> sentences = Arrays.stream(listing.split("(?<=[.!?])\\s+|\\n"))
			.map(String::strip)
			.filter((sentence) -> sentence.length() > 40)
			.toList();
		assertThat(sentences).isNotEmpty();
		for (ImportedEpisode episode : demo().episodes()) {
			for (String sentence : sentences) {
				assertThat(episode.content().notes().html()).doesNotContain(sentence);
			}
		}
	}

	/** The hosting platform's title where known, else the short title with the guests. */
	private static String expectedTitle(JsonNode fact) {
		if (fact.hasNonNull("hostedTitle")) {
			return fact.get("hostedTitle").asString();
		}
		String title = fact.get("title").asString();
		return fact.hasNonNull("guest") ? title + " with " + fact.get("guest").asString() : title;
	}

	private static ImportedFeed demo() throws Exception {
		try (InputStream in = new ClassPathResource(FeedImporter.DEMO_FEED).getInputStream()) {
			URI url = URI.create("classpath:" + FeedImporter.DEMO_FEED);
			return FeedMapper.map(FeedReader.parse(new FetchedFeed(url, in.readAllBytes(), null)), url);
		}
	}

}
