package dev.podsite.notes;

import java.net.URI;
import java.util.ArrayList;
import java.util.Set;

import dev.podsite.support.WebAddresses;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.select.Elements;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * Keeps what show notes need (text structure, links, images) and drops everything that
 * could run code or restyle the page. Relative URLs resolve against the show's link.
 */
final class NotesSanitizer {

	private static final Safelist SAFELIST = new Safelist()
		.addTags("p", "br", "hr", "a", "ul", "ol", "li", "dl", "dt", "dd", "strong", "b", "em", "i", "u", "s", "code",
				"pre", "blockquote", "h2", "h3", "h4", "h5", "h6", "sub", "sup", "small", "span", "div", "table",
				"thead", "tbody", "tfoot", "tr", "th", "td", "caption", "img", "figure", "figcaption")
		.addAttributes("a", "href", "title")
		.addAttributes("img", "src", "alt", "title", "width", "height")
		.addAttributes("th", "colspan", "rowspan")
		.addAttributes("td", "colspan", "rowspan")
		.addAttributes("ol", "start")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addProtocols("img", "src", "http", "https")
		.addEnforcedAttribute("a", "rel", "nofollow noopener");

	/** Elements whose content may only be phrasing (inline) content. */
	private static final Set<String> PHRASING_ONLY = Set.of("p", "span", "strong", "b", "em", "i", "u", "s", "code",
			"small", "sub", "sup", "h2", "h3", "h4", "h5", "h6", "pre");

	/** Inline formatting that can go without breaking the text around a block. */
	private static final Set<String> INLINE_FORMATTING = Set.of("strong", "b", "em", "i", "u", "s", "code", "small",
			"sub", "sup");

	private static final String BLOCKS = "p, div, ul, ol, dl, blockquote, pre, h2, h3, h4, h5, h6, table, figure, hr";

	private NotesSanitizer() {
	}

	/** Sanitized HTML of a body fragment; idempotent. */
	static Document sanitize(String html, @Nullable String baseUri) {
		String base = usableBase(baseUri);
		Document dirty = Jsoup.parseBodyFragment(html, (base != null) ? base : "");
		prepare(dirty, base);
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		// Anchors without a usable href are just text; images without one are their alt
		// text.
		clean.select("a:not([href])").unwrap();
		for (Element image : clean.select("img:not([src])")) {
			image.replaceWith(new TextNode(image.attr("alt")));
		}
		repairStructure(clean.body());
		clean.outputSettings().prettyPrint(false);
		return clean;
	}

	/** Before cleaning: headings under the page's h1, absolute URLs. */
	private static void prepare(Document document, @Nullable String base) {
		shiftHeadings(document);
		for (Element element : document.select("a[href], img[src]")) {
			String attribute = element.hasAttr("href") ? "href" : "src";
			// Checked before resolving too: jsoup resolves what it cannot parse to the
			// base.
			String url = WebAddresses.clean(element.attr(attribute).strip());
			if (url != null && url.startsWith("//")) {
				url = WebAddresses.clean("https:" + url);
			}
			else if (url != null && base != null) {
				element.attr(attribute, url);
				url = WebAddresses.clean(element.absUrl(attribute));
			}
			if (url != null) {
				element.attr(attribute, url);
			}
			else {
				element.removeAttr(attribute);
			}
		}
	}

	/**
	 * After cleaning: the nesting HTML allows. List items stay in lists, and blocks stay
	 * out of text-level elements (a span holding paragraphs becomes a div).
	 */
	private static void repairStructure(Element body) {
		for (Element list : body.select("ul, ol")) {
			keepOnlyItems(list);
		}
		Element misplaced;
		while ((misplaced = firstBlockInPhrasing(body)) != null) {
			Element container = phrasingContainer(misplaced);
			if (container.nameIs("span") || container.nameIs("p")) {
				container.tagName("div");
			}
			else if (INLINE_FORMATTING.contains(container.normalName())) {
				container.unwrap();
			}
			else if (misplaced.nameIs("p") || misplaced.nameIs("div")) {
				// A paragraph inside a heading: the heading keeps its text.
				misplaced.unwrap();
			}
			else {
				container.tagName("div");
			}
		}
	}

	/** Whatever sits in a list between its items joins the item before, or a new one. */
	private static void keepOnlyItems(Element list) {
		Element item = null;
		for (Node child : new ArrayList<>(list.childNodes())) {
			if (child instanceof Element element && element.nameIs("li")) {
				item = element;
			}
			else if (!(child instanceof TextNode text && text.isBlank())) {
				if (item == null) {
					item = new Element("li");
					child.before(item);
				}
				item.appendChild(child);
			}
		}
	}

	private static @Nullable Element firstBlockInPhrasing(Element body) {
		for (Element block : body.select(BLOCKS)) {
			if (phrasingContainer(block) != null) {
				return block;
			}
		}
		return null;
	}

	/**
	 * The element that holds {@code block} though it only allows phrasing content, or
	 * null. Links are transparent: they allow what their parent allows.
	 */
	private static @Nullable Element phrasingContainer(Element block) {
		Element parent = block.parent();
		while (parent != null && parent.nameIs("a")) {
			parent = parent.parent();
		}
		return (parent != null && PHRASING_ONLY.contains(parent.normalName())) ? parent : null;
	}

	/**
	 * The page's h1 is the episode's title: the notes' top heading becomes h2 and the
	 * others keep their order beneath it, so no level is skipped.
	 */
	private static void shiftHeadings(Document document) {
		Elements headings = document.select("h1, h2, h3, h4, h5, h6");
		int top = headings.stream().mapToInt(NotesSanitizer::level).min().orElse(2);
		for (Element heading : headings) {
			heading.tagName("h" + Math.min(6, level(heading) - top + 2));
		}
	}

	private static int level(Element heading) {
		return heading.normalName().charAt(1) - '0';
	}

	private static @Nullable String usableBase(@Nullable String baseUri) {
		if (baseUri == null) {
			return null;
		}
		try {
			URI uri = new URI(baseUri.strip());
			String scheme = uri.getScheme();
			return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) ? uri.toString() : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

}
