package dev.podsite.feedimport;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.podsite.rome.Podcast;
import dev.podsite.support.HostNotice;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jspecify.annotations.Nullable;

/**
 * The elements of an RSS feed the site does not model, kept as the source wrote them so
 * that the re-published feed carries them too: of the channel, and of each item in the
 * order of the feed. Each is kept as one {@code <foreign>} element holding copies of
 * them, serialized by JDOM, every namespace they use declared on their own element: a tag
 * invented next year survives too.
 * <p>
 * Not kept: what the site writes from its own data ({@link #isOwned}), and what describes
 * the source host's machinery and would mislead apps if copied ({@link #isDropped}).
 *
 * @param channel the channel's kept elements, or null when there are none
 * @param items each item's kept elements (null for none), in the order of the feed; empty
 * when the feed is not RSS 2.0
 * @param warnings what was left out because it was too large
 */
record ForeignMarkup(@Nullable String channel, List<@Nullable String> items, List<HostNotice> warnings) {

	/** The most kept of the channel: a podroll or value block takes a few KB. */
	static final int MAX_CHANNEL_BYTES = 256 * 1024;

	/** The most kept of one item. */
	static final int MAX_ITEM_BYTES = 64 * 1024;

	static final ForeignMarkup NONE = new ForeignMarkup(null, List.of(), List.of());

	private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

	/** RSS elements of the channel the site writes itself. */
	private static final Set<String> OWNED_RSS_CHANNEL = Set.of("title", "link", "description", "language", "copyright",
			"generator", "lastBuildDate", "image", "item");

	private static final Set<String> OWNED_ITUNES_CHANNEL = Set.of("author", "owner", "image", "category", "explicit",
			"type");

	private static final Set<String> OWNED_PODCAST_CHANNEL = Set.of("guid", "locked", "funding", "person");

	private static final Set<String> OWNED_RSS_ITEM = Set.of("title", "link", "pubDate", "guid", "description",
			"enclosure");

	private static final Set<String> OWNED_ITUNES_ITEM = Set.of("duration", "season", "episode", "episodeType",
			"explicit", "image");

	private static final Set<String> OWNED_PODCAST_ITEM = Set.of("chapters", "transcript", "person");

	/** The source's links about itself: its address, its WebSub hub, its pages. */
	private static final Set<String> DROPPED_ATOM_LINKS = Set.of("self", "hub", "next", "prev", "previous", "first",
			"last");

	private static final Format RAW = Format.getRawFormat().setTextMode(Format.TextMode.PRESERVE).setEncoding("UTF-8");

	/**
	 * The kept elements of an RSS 2.0 (or 0.9x) document's channel and items, read anew
	 * from the document Rome read: Rome's modules take the elements they read out of its
	 * foreign markup, and its parser, not expanding entities, turns an {@code &amp;} in
	 * CDATA into {@code &#38;}. A DOCTYPE is refused here too.
	 */
	static ForeignMarkup of(String xml) {
		Document document;
		try {
			SAXBuilder parser = new SAXBuilder(XMLReaders.NONVALIDATING);
			parser.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			// White space before the XML declaration, which Rome forgives.
			document = parser.build(new StringReader(xml.stripLeading()));
		}
		catch (JDOMException | IOException ex) {
			// Rome read it: only a document Rome forgives more than Xerces gets here.
			return NONE;
		}
		return of(document);
	}

	private static ForeignMarkup of(Document document) {
		Element root = document.getRootElement();
		Element channel = root.getName().equals("rss") ? root.getChild("channel") : null;
		if (channel == null) {
			// RSS 1.0 and Atom keep their items elsewhere: not kept.
			return NONE;
		}
		List<HostNotice> warnings = new ArrayList<>();
		String kept = keep(channel, false, MAX_CHANNEL_BYTES, HostNotice.of("feed.what.showForeign"), warnings);
		List<@Nullable String> items = new ArrayList<>();
		for (Element item : channel.getChildren("item")) {
			String title = item.getChildTextTrim("title");
			items.add(keep(item, true, MAX_ITEM_BYTES,
					HostNotice.of("feed.what.itemForeign", (title != null && !title.isEmpty()) ? title : "?"),
					warnings));
		}
		return new ForeignMarkup(kept, items, List.copyOf(warnings));
	}

	/** The kept elements of the item at {@code index} of the feed, or null. */
	@Nullable String item(int index) {
		return (index < this.items.size()) ? this.items.get(index) : null;
	}

	private static @Nullable String keep(Element parent, boolean item, int maxBytes, HostNotice what,
			List<HostNotice> warnings) {
		Element foreign = new Element("foreign");
		XMLOutputter outputter = new XMLOutputter(RAW);
		int bytes = 0;
		for (Element child : parent.getChildren()) {
			if (isOwned(child, item) || isDropped(child)) {
				continue;
			}
			Element copy = child.clone();
			int size = outputter.outputString(copy).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > maxBytes) {
				warnings.add(HostNotice.of("feed.foreignCut", qualifiedName(child), what, maxBytes / 1024));
				continue;
			}
			bytes += size;
			foreign.addContent(copy);
		}
		return foreign.getChildren().isEmpty() ? null : outputter.outputString(foreign);
	}

	/**
	 * Whether the site writes the element from its own data: what it models and the host
	 * may edit, so the site's value (a host's edit among them) is the one published.
	 */
	static boolean isOwned(Element element, boolean item) {
		String uri = element.getNamespaceURI();
		String name = element.getName();
		if (uri.isEmpty()) {
			return (item ? OWNED_RSS_ITEM : OWNED_RSS_CHANNEL).contains(name);
		}
		if (uri.equalsIgnoreCase(ITUNES)) {
			return (item ? OWNED_ITUNES_ITEM : OWNED_ITUNES_CHANNEL).contains(name);
		}
		if (uri.equals(Podcast.URI) || uri.equals(Podcast.LEGACY_URI)) {
			return (item ? OWNED_PODCAST_ITEM : OWNED_PODCAST_CHANNEL).contains(name);
		}
		if (uri.equals(CONTENT)) {
			return item && name.equals("encoded");
		}
		return false;
	}

	/**
	 * Whether the element describes the source host's machinery, dropped on purpose (the
	 * README says why for each).
	 */
	static boolean isDropped(Element element) {
		String uri = element.getNamespaceURI();
		String name = element.getName();
		if (uri.isEmpty()) {
			return name.equals("cloud");
		}
		if (uri.equalsIgnoreCase(ITUNES)) {
			return name.equals("new-feed-url");
		}
		if (uri.equals(Podcast.URI) || uri.equals(Podcast.LEGACY_URI)) {
			return name.equals("podping");
		}
		if (uri.equals(ATOM) && name.equals("link")) {
			String rel = element.getAttributeValue("rel");
			return rel != null && DROPPED_ATOM_LINKS.contains(rel.trim().toLowerCase(Locale.ROOT));
		}
		return false;
	}

	private static String qualifiedName(Element element) {
		Namespace namespace = element.getNamespace();
		return namespace.getPrefix().isEmpty() ? element.getName() : namespace.getPrefix() + ":" + element.getName();
	}

}
