package dev.podsite.web;

import org.jspecify.annotations.Nullable;

/**
 * What a public page says of itself in its head, for search engines and for the cards
 * links get when shared: its description, canonical address, Open Graph and Twitter card
 * properties, and its JSON-LD.
 *
 * @param title the page's own title, without the show's (og:site_name says it)
 * @param description plain text, short enough for a result or a card
 * @param canonical the page's one absolute address
 * @param type og:type
 * @param siteName the show's title
 * @param image absolute address of the picture a card shows, or null
 * @param audio absolute address of an episode's audio, or null
 * @param audioType its media type, or null
 * @param publishedTime when an episode came out (ISO-8601), or null
 * @param jsonLd schema.org data as JSON, safe inside a script element, or null
 */
public record PageMeta(String title, String description, String canonical, String type, String siteName,
		@Nullable String image, @Nullable String audio, @Nullable String audioType, @Nullable String publishedTime,
		@Nullable String jsonLd) {

	/**
	 * A summary card: podcast artwork is square, and the large card would crop it to 2:1.
	 */
	public String twitterCard() {
		return "summary";
	}

}
