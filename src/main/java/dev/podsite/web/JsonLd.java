package dev.podsite.web;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import dev.podsite.episode.Episode;
import dev.podsite.show.Show;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * schema.org data about the show and its episodes, as JSON-LD for a page's
 * {@code <script type="application/ld+json">}. Written by Jackson, and with {@code <},
 * {@code >} and {@code &} escaped ({@code \u003c}…): a title holding {@code </script>}
 * stays inside the JSON, and the JSON parses to the same text.
 */
final class JsonLd {

	private static final JsonMapper JSON = JsonMapper
		.builder(JsonFactory.builder().characterEscapes(new HtmlSafeEscapes()).build())
		.build();

	private final String baseUrl;

	/**
	 * @param baseUrl the site's origin, without a trailing slash
	 */
	JsonLd(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** The show: a PodcastSeries. */
	String series(Show show, String description) {
		ObjectNode series = node("PodcastSeries");
		series.put("name", show.getTitle());
		series.put("description", description);
		series.put("url", this.baseUrl + "/");
		series.put("webFeed", this.baseUrl + "/feed.xml");
		putIfPresent(series, "image", show.getImageUrl());
		putIfPresent(series, "inLanguage", show.getLanguageTag());
		if (show.getAuthor() != null) {
			// A show's author may be a person or a company: the feed does not say.
			series.putObject("author").put("name", show.getAuthor());
		}
		return JSON.writeValueAsString(series);
	}

	/**
	 * An episode: a PodcastEpisode of the show, with its audio as a MediaObject.
	 * @param url the episode page's canonical address
	 */
	String episode(Episode episode, Show show, String url, String description) {
		ObjectNode node = node("PodcastEpisode");
		node.put("url", url);
		node.put("name", episode.getTitle());
		node.put("description", description);
		node.put("datePublished",
				DateTimeFormatter.ISO_INSTANT.format(episode.getPublishedAt().truncatedTo(ChronoUnit.SECONDS)));
		putIfPresent(node, "timeRequired", episode.getIsoDuration());
		if (episode.getEpisodeNumber() != null) {
			node.put("episodeNumber", episode.getEpisodeNumber());
		}
		putIfPresent(node, "image", (episode.getImageUrl() != null) ? episode.getImageUrl() : show.getImageUrl());
		if (episode.getAudioUrl() != null) {
			ObjectNode media = node.putObject("associatedMedia");
			media.put("@type", "MediaObject");
			media.put("contentUrl", episode.getAudioUrl());
			putIfPresent(media, "encodingFormat", episode.getAudioType());
			putIfPresent(media, "duration", episode.getIsoDuration());
			if (episode.getAudioLength() != null && episode.getAudioLength() > 0) {
				media.put("contentSize", episode.getAudioLength() + " B");
			}
		}
		ObjectNode series = node.putObject("partOfSeries");
		series.put("@type", "PodcastSeries");
		series.put("name", show.getTitle());
		series.put("url", this.baseUrl + "/");
		return JSON.writeValueAsString(node);
	}

	private static ObjectNode node(String type) {
		ObjectNode node = JSON.createObjectNode();
		node.put("@context", "https://schema.org");
		node.put("@type", type);
		return node;
	}

	private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			node.put(name, value);
		}
	}

	/**
	 * JSON's own escapes, and {@code <}, {@code >}, {@code &} as {@code \u003c}…: the
	 * HTML parser ends a script element at {@code </script}, whatever the JSON means.
	 */
	private static final class HtmlSafeEscapes extends CharacterEscapes {

		private final int[] escapes;

		HtmlSafeEscapes() {
			this.escapes = CharacterEscapes.standardAsciiEscapesForJSON();
			this.escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
			this.escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
			this.escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return this.escapes;
		}

		@Override
		public @Nullable SerializableString getEscapeSequence(int ch) {
			return null;
		}

	}

}
