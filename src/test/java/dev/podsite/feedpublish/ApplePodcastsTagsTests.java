package dev.podsite.feedpublish;

import java.io.ByteArrayInputStream;
import java.util.List;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.SiteHttp;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tags Apple Podcasts requires (and recommends) of a show's feed, as its "Podcast RSS
 * feed requirements" list them, on Apple's own sample show re-published by the site.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApplePodcastsTagsTests {

	private static final Namespace ITUNES = Namespace.getNamespace("http://www.itunes.com/dtds/podcast-1.0.dtd");

	private static final List<String> REQUIRED_CHANNEL_TAGS = List.of("title", "description", "itunes:image",
			"language", "itunes:category", "itunes:explicit");

	private static final List<String> RECOMMENDED_CHANNEL_TAGS = List.of("itunes:author", "link", "itunes:owner",
			"copyright");

	private static final List<String> REQUIRED_ITEM_TAGS = List.of("title", "enclosure", "guid");

	private static final List<String> RECOMMENDED_ITEM_TAGS = List.of("pubDate", "description", "itunes:duration",
			"link", "itunes:explicit");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	private Element channel;

	@BeforeEach
	void publishApplesSampleShow() throws Exception {
		Database.clear(this.jdbc);
		new ImporterHarness(this.context)
			.importFrom(Fixtures.feed("real/apple-itunes-spec-example_all-about-everything.xml"));
		byte[] feed = new SiteHttp(this.port).body("/feed.xml");
		Document document = new SAXBuilder().build(new ByteArrayInputStream(feed));
		this.channel = document.getRootElement().getChild("channel");
	}

	@Test
	void theChannelHasEveryRequiredAndRecommendedTag() {
		assertThat(REQUIRED_CHANNEL_TAGS).allSatisfy((tag) -> assertThat(child(this.channel, tag)).as(tag).isNotNull());
		assertThat(RECOMMENDED_CHANNEL_TAGS)
			.allSatisfy((tag) -> assertThat(child(this.channel, tag)).as(tag).isNotNull());
		assertThat(child(this.channel, "itunes:image").getAttributeValue("href")).startsWith("http");
		assertThat(child(this.channel, "itunes:category").getAttributeValue("text")).isNotBlank();
		assertThat(child(this.channel, "itunes:explicit").getText()).isIn("true", "false");
		Element owner = child(this.channel, "itunes:owner");
		assertThat(owner.getChildText("email", ITUNES)).contains("@");
	}

	@Test
	void everyItemHasEveryRequiredAndRecommendedTag() {
		List<Element> items = this.channel.getChildren("item");
		assertThat(items).hasSize(3);
		for (Element item : items) {
			assertThat(REQUIRED_ITEM_TAGS).allSatisfy((tag) -> assertThat(child(item, tag)).as(tag).isNotNull());
			assertThat(RECOMMENDED_ITEM_TAGS).allSatisfy((tag) -> assertThat(child(item, tag)).as(tag).isNotNull());
			Element enclosure = child(item, "enclosure");
			assertThat(enclosure.getAttributeValue("url")).startsWith("http");
			assertThat(Long.parseLong(enclosure.getAttributeValue("length"))).isPositive();
			assertThat(enclosure.getAttributeValue("type")).isNotBlank();
			assertThat(child(item, "itunes:explicit").getText()).isIn("true", "false");
		}
	}

	private static Element child(Element parent, String tag) {
		return tag.startsWith("itunes:") ? parent.getChild(tag.substring("itunes:".length()), ITUNES)
				: parent.getChild(tag);
	}

}
