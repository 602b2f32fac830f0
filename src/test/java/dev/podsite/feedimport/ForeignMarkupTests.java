package dev.podsite.feedimport;

import org.junit.jupiter.api.Test;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the import keeps of a feed as it was written, and what it does not.
 */
class ForeignMarkupTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	@Test
	void keepsWhatTheSiteDoesNotWriteWithItsNamespacesDeclaredOnEachElement() {
		ForeignMarkup kept = ForeignMarkup.of(rss("""
				<podcast:txt purpose="verify">S6lpp-7ZCn8-dZfGc-OoyaG</podcast:txt>
				<podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
				<itunes:author>Owned by the site</itunes:author>
				""", item("1", "One", DATE, """
				<itunes:duration>60</itunes:duration>
				<n:rating xmlns:n="urn:example:next-year" n:scale="5">4 &amp; more <![CDATA[a]]></n:rating>
				""")));
		assertThat(kept.channel())
			.isEqualTo("<foreign><podcast:txt xmlns:podcast=\"https://podcastindex.org/namespace/1.0\""
					+ " purpose=\"verify\">S6lpp-7ZCn8-dZfGc-OoyaG</podcast:txt></foreign>");
		assertThat(kept.items()).containsExactly("<foreign><n:rating xmlns:n=\"urn:example:next-year\""
				+ " n:scale=\"5\">4 &amp; more <![CDATA[a]]></n:rating></foreign>");
		assertThat(kept.warnings()).isEmpty();
	}

	@Test
	void dropsTheSourceHostsMachinery() {
		ForeignMarkup kept = ForeignMarkup
			.of(rss("""
					<itunes:new-feed-url>https://elsewhere.example/feed.xml</itunes:new-feed-url>
					<podcast:podping usesPodping="true"/>
					<cloud domain="rpc.example" port="80" path="/RPC2" registerProcedure="ping" protocol="xml-rpc"/>
					<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="hub" href="https://hub.example/"/>
					<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="https://feeds.example/show.xml"/>
					<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="next" href="https://feeds.example/show.xml?page=2"/>
					<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="payment" href="https://pay.example/"/>
					"""));
		assertThat(kept.channel()).isEqualTo("<foreign><atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\""
				+ " rel=\"payment\" href=\"https://pay.example/\" /></foreign>");
	}

	@Test
	void anElementPastTheLimitIsLeftOutAndTheRunSaysSo() {
		String big = "x".repeat(ForeignMarkup.MAX_ITEM_BYTES);
		ForeignMarkup kept = ForeignMarkup.of(rss("",
				item("1", "One", DATE, "<podcast:soundbite startTime=\"1\" duration=\"2\">Kept</podcast:soundbite>"
						+ "<podcast:txt>" + big + "</podcast:txt>")));
		assertThat(kept.items().get(0)).contains("Kept").doesNotContain(big);
		assertThat(kept.warnings()).extracting((notice) -> notice.code()).containsExactly("feed.foreignCut");
	}

	@Test
	void keepsNothingOfADocumentWithADoctypeOrThatIsNotRss2() {
		assertThat(ForeignMarkup.of("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"y\">]>"
				+ "<rss version=\"2.0\"><channel><title>&x;</title><ttl>60</ttl></channel></rss>"))
			.isEqualTo(ForeignMarkup.NONE);
		assertThat(ForeignMarkup.of("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title></feed>"))
			.isEqualTo(ForeignMarkup.NONE);
	}

	@Test
	void theImportCarriesThemToTheShowAndItsEpisodes() throws Exception {
		ImportedFeed feed = TestFeeds.map(rss("<podcast:license>cc-by-4.0</podcast:license>",
				item("1", "One", DATE, "<podcast:location>Bucharest</podcast:location>"), item("2", "Two", DATE, "")));
		assertThat(feed.show().foreignMarkup()).contains("cc-by-4.0");
		assertThat(feed.episodes().get(0).foreignMarkup()).contains("Bucharest");
		assertThat(feed.episodes().get(1).foreignMarkup()).isNull();
	}

}
