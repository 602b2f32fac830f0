package dev.podsite.feedpublish;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.SiteHttp;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-published feed carries every element of the source that the site does not write
 * itself, as the source wrote it, in the channel or in the item with the same guid:
 * compared as XML element trees (namespace, name, attributes, text and children; the
 * order of siblings and white space aside), read with plain JDOM, on every RSS 2.0 feed
 * of the corpus that imports and that a plain XML parser reads. The lists below are the
 * README's: what the site writes from its own data, and what it drops on purpose.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LosslessFeedTests {

	private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";

	private static final String PODCAST = "https://podcastindex.org/namespace/1.0";

	private static final String LEGACY_PODCAST = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md";

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

	/** The channel's elements the site writes from its own data, by namespace. */
	private static final Map<String, Set<String>> SITE_CHANNEL = Map.of("",
			Set.of("title", "link", "description", "language", "copyright", "generator", "lastBuildDate", "image",
					"item"),
			ITUNES, Set.of("author", "owner", "image", "category", "explicit", "type"), PODCAST,
			Set.of("guid", "locked", "funding", "person"), LEGACY_PODCAST,
			Set.of("guid", "locked", "funding", "person"));

	/** An item's elements the site writes from its own data, by namespace. */
	private static final Map<String, Set<String>> SITE_ITEM = Map.of("",
			Set.of("title", "link", "pubDate", "guid", "description", "enclosure"), ITUNES,
			Set.of("duration", "season", "episode", "episodeType", "explicit", "image"), PODCAST,
			Set.of("chapters", "transcript", "person"), LEGACY_PODCAST, Set.of("chapters", "transcript", "person"),
			CONTENT, Set.of("encoded"));

	/** The source host's machinery, dropped on purpose (atom:link by its rel below). */
	private static final Map<String, Set<String>> DROPPED = Map.of("", Set.of("cloud"), ITUNES, Set.of("new-feed-url"),
			PODCAST, Set.of("podping"), LEGACY_PODCAST, Set.of("podping"));

	private static final Set<String> DROPPED_ATOM_RELS = Set.of("self", "hub", "next", "prev", "previous", "first",
			"last");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@Test
	void everyElementTheSiteDoesNotWriteComesBackAsTheSourceWroteIt() throws Exception {
		SiteHttp site = new SiteHttp(this.port);
		int feeds = 0;
		Map<String, Integer> kept = new TreeMap<>();
		for (String name : Fixtures.corpus()) {
			Database.clear(this.jdbc);
			ImportRun run = new ImporterHarness(this.context).importFrom(Fixtures.feed(name));
			Document document = readable(Files.readAllBytes(Fixtures.feed(name)));
			if (run.getErrorMessage() != null || document == null || channel(document) == null) {
				// Not imported, not XML a plain parser reads (an undeclared prefix the
				// importer forgives), or not RSS 2.0 (Atom, RSS 1.0: nothing is kept).
				continue;
			}
			Element source = channel(document);
			Element published = channel(read(site.body("/feed.xml")));
			List<String> sourceChannel = keptOf(source, SITE_CHANNEL);
			assertThat(keptOf(published, SITE_CHANNEL)).as(name + ": the channel")
				.containsExactlyInAnyOrderElementsOf(sourceChannel);
			count(source, SITE_CHANNEL, kept);

			Map<String, Element> sourceItems = new HashMap<>();
			int withoutGuid = 0;
			for (Element item : source.getChildren("item")) {
				String guid = item.getChildTextTrim("guid");
				if (guid == null || guid.isEmpty()) {
					withoutGuid++;
				}
				else {
					// The first of items with the same identity is the one imported.
					sourceItems.putIfAbsent(guid, item);
				}
			}
			int unmatched = 0;
			for (Element item : published.getChildren("item")) {
				Element from = sourceItems.get(item.getChildTextTrim("guid"));
				if (from == null) {
					unmatched++;
					continue;
				}
				assertThat(keptOf(item, SITE_ITEM)).as(name + ": the item " + item.getChildTextTrim("guid"))
					.containsExactlyInAnyOrderElementsOf(keptOf(from, SITE_ITEM));
				count(from, SITE_ITEM, kept);
			}
			assertThat(unmatched).as(name + ": published items whose guid the source did not write")
				.isLessThanOrEqualTo(withoutGuid);
			feeds++;
		}
		assertThat(feeds).isGreaterThan(60);
		// The corpus does exercise what the site used to drop.
		assertThat(kept).containsKeys("{" + PODCAST + "}value", "{" + PODCAST + "}alternateEnclosure",
				"{" + PODCAST + "}soundbite", "{" + PODCAST + "}socialInteract", "{" + PODCAST + "}podroll",
				"{" + PODCAST + "}license", "{" + PODCAST + "}location", "{http://podlove.org/simple-chapters}chapters",
				"{http://search.yahoo.com/mrss/}content", "{http://www.google.com/schemas/play-podcasts/1.0}author");
	}

	/**
	 * The elements of a channel or an item besides those the site writes and those it
	 * drops, each as a canonical string of its tree.
	 */
	static List<String> keptOf(Element parent, Map<String, Set<String>> site) {
		List<String> kept = new ArrayList<>();
		for (Element child : parent.getChildren()) {
			if (!site.getOrDefault(uri(child), Set.of()).contains(child.getName()) && !isDropped(child)) {
				kept.add(canonical(child));
			}
		}
		return kept;
	}

	private static void count(Element parent, Map<String, Set<String>> site, Map<String, Integer> kept) {
		for (Element child : parent.getChildren()) {
			if (!site.getOrDefault(uri(child), Set.of()).contains(child.getName()) && !isDropped(child)) {
				kept.merge("{" + uri(child) + "}" + child.getName(), 1, Integer::sum);
			}
		}
	}

	private static boolean isDropped(Element element) {
		if (uri(element).equals(ATOM) && element.getName().equals("link")) {
			String rel = element.getAttributeValue("rel");
			return rel != null && DROPPED_ATOM_RELS.contains(rel.trim().toLowerCase(Locale.ROOT));
		}
		return DROPPED.getOrDefault(uri(element), Set.of()).contains(element.getName());
	}

	/** The old iTunes URI, capitalised, is the same namespace to Rome and to apps. */
	private static String uri(Element element) {
		String uri = element.getNamespaceURI();
		return uri.equalsIgnoreCase(ITUNES) ? ITUNES : uri;
	}

	/**
	 * Namespace, name, attributes (sorted), text (white space normalized) and children
	 * (sorted): equal strings, equal trees.
	 */
	static String canonical(Element element) {
		StringBuilder text = new StringBuilder("{").append(element.getNamespaceURI())
			.append('}')
			.append(element.getName());
		Map<String, String> attributes = new TreeMap<>();
		for (Attribute attribute : element.getAttributes()) {
			attributes.put("{" + attribute.getNamespaceURI() + "}" + attribute.getName(), attribute.getValue());
		}
		text.append(attributes).append('"').append(element.getTextNormalize()).append('"');
		List<String> children = new ArrayList<>();
		element.getChildren().forEach((child) -> children.add(canonical(child)));
		children.sort(null);
		return text.append(children).toString();
	}

	/**
	 * The document, white space before its XML declaration skipped (some feeds of the
	 * corpus start with a new line, which XML forbids and the importer forgives).
	 */
	static Document read(byte[] xml) throws Exception {
		SAXBuilder parser = new SAXBuilder(XMLReaders.NONVALIDATING);
		parser.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		int start = 0;
		while (start < xml.length && Character.isWhitespace(xml[start])) {
			start++;
		}
		return parser.build(new ByteArrayInputStream(xml, start, xml.length - start));
	}

	private static Document readable(byte[] xml) {
		try {
			return read(xml);
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static Element channel(Document document) {
		return document.getRootElement().getChild("channel");
	}

}
