package dev.podsite.admin;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.ZoneId;

import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeEditor;
import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.SiteHttp;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-published feed takes a host's edit of a field the site models over the source's
 * value, while the elements it keeps as the source wrote them survive the edit and later
 * imports, and change when the source changes them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostEditsAndKeptElementsTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final Namespace PODCAST = Namespace.getNamespace("https://podcastindex.org/namespace/1.0");

	private static final Namespace NEXT_YEAR = Namespace.getNamespace("urn:example:next-year");

	private static final String CHANNEL = """
			<podcast:podroll><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810"/></podcast:podroll>
			<itunes:new-feed-url>https://elsewhere.example/feed.xml</itunes:new-feed-url>
			<podcast:podping usesPodping="true"/>
			<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="hub" href="https://pubsubhubbub.appspot.com/"/>
			""";

	private static final String VALUE = """
			<podcast:value type="lightning" method="keysend">
			  <podcast:valueRecipient name="Host" type="node" address="02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52" split="100"/>
			</podcast:value>""";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EpisodeEditor editor;

	@LocalServerPort
	private int port;

	@TempDir
	private Path dir;

	@Test
	void theHostsEditWinsAndTheKeptElementsSurviveItAndReimports() throws Exception {
		Database.clear(this.jdbc);
		importFeed("From the feed",
				"<podcast:soundbite startTime=\"73\" duration=\"60\">Best bit</podcast:soundbite>" + VALUE
						+ "<n:rating xmlns:n=\"urn:example:next-year\" n:scale=\"5\">4</n:rating>"
						+ "<itunes:title>The feed's short title</itunes:title>");
		Element item = publishedItem();
		assertThat(item.getChildText("title", Namespace.getNamespace(ITUNES))).isEqualTo("The feed's short title");
		assertThat(item.getChildText("title")).isEqualTo("From the feed");
		assertThat(item.getChild("soundbite", PODCAST).getText()).isEqualTo("Best bit");
		assertThat(item.getChild("value", PODCAST).getChild("valueRecipient", PODCAST).getAttributeValue("split"))
			.isEqualTo("100");
		Element rating = item.getChild("rating", NEXT_YEAR);
		assertThat(rating.getText()).isEqualTo("4");
		assertThat(rating.getNamespacePrefix()).as("an unknown namespace keeps its prefix").isEqualTo("n");
		assertThat(rating.getAttributeValue("scale", NEXT_YEAR)).isEqualTo("5");
		Element channel = publishedChannel();
		assertThat(channel.getChild("podroll", PODCAST).getChild("remoteItem", PODCAST).getAttributeValue("feedGuid"))
			.isEqualTo("917393e3-1b1e-5cef-ace4-edaa54e1f810");
		assertThat(channel.getChild("new-feed-url", Namespace.getNamespace(ITUNES))).as("dropped on purpose").isNull();
		assertThat(channel.getChild("podping", PODCAST)).as("dropped on purpose").isNull();
		assertThat(channel.getChildren("link", Namespace.getNamespace("http://www.w3.org/2005/Atom")))
			.extracting((link) -> link.getAttributeValue("rel"))
			.containsExactly("self");

		long id = this.jdbc.queryForObject("SELECT id FROM episode", Long.class);
		Episode episode = this.editor.find(id).orElseThrow();
		EpisodeForm form = EpisodeForm.of(episode, ZONE);
		form.setTitle("The host's title");
		this.editor.update(id, form.getVersion(), form.toEdit(ZONE), form.changedFields());
		item = publishedItem();
		assertThat(item.getChildText("title")).isEqualTo("The host's title");
		assertThat(item.getChild("title", Namespace.getNamespace(ITUNES)))
			.as("the source's copy of the title the host changed")
			.isNull();
		assertThat(item.getChild("soundbite", PODCAST).getText()).isEqualTo("Best bit");
		assertThat(item.getChild("rating", NEXT_YEAR).getText()).isEqualTo("4");

		// The same elements again: nothing changes.
		importFeed("Renamed in the feed",
				"<podcast:soundbite startTime=\"73\" duration=\"60\">Best bit</podcast:soundbite>" + VALUE
						+ "<n:rating xmlns:n=\"urn:example:next-year\" n:scale=\"5\">4</n:rating>");
		item = publishedItem();
		assertThat(item.getChildText("title")).isEqualTo("The host's title");
		assertThat(item.getChild("soundbite", PODCAST).getText()).isEqualTo("Best bit");
		assertThat(item.getChild("value", PODCAST)).isNotNull();
		assertThat(item.getChild("rating", NEXT_YEAR).getText()).isEqualTo("4");

		// The source changes its elements: the site follows.
		importFeed("Renamed in the feed",
				"<podcast:soundbite startTime=\"90\" duration=\"30\">Better bit</podcast:soundbite>" + VALUE);
		item = publishedItem();
		assertThat(item.getChildText("title")).isEqualTo("The host's title");
		assertThat(item.getChild("soundbite", PODCAST).getText()).isEqualTo("Better bit");
		assertThat(item.getChild("soundbite", PODCAST).getAttributeValue("startTime")).isEqualTo("90");
		assertThat(item.getChild("value", PODCAST)).isNotNull();
		assertThat(item.getChild("rating", NEXT_YEAR)).as("gone from the source").isNull();
	}

	private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";

	private ImportRun importFeed(String title, String extras) {
		ImportRun run = new ImporterHarness(this.context)
			.importXml(this.dir.resolve("feed.xml"), rss(CHANNEL, item("1", title, DATE,
					"<enclosure url=\"https://media.example/1.mp3\" length=\"1000\" type=\"audio/mpeg\"/>" + extras)));
		assertThat(run.getErrorMessage()).isNull();
		return run;
	}

	private Element publishedChannel() throws Exception {
		byte[] feed = new SiteHttp(this.port).body("/feed.xml");
		SAXBuilder parser = new SAXBuilder(XMLReaders.NONVALIDATING);
		parser.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return parser.build(new ByteArrayInputStream(feed)).getRootElement().getChild("channel");
	}

	private Element publishedItem() throws Exception {
		return publishedChannel().getChild("item");
	}

}
