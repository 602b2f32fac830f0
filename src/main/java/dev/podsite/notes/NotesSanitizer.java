package dev.podsite.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.podsite.support.WebAddresses;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.jsoup.safety.Cleaner;
import org.jsoup.select.Elements;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Keeps what show notes need (text structure, links, images) and drops everything that
 * could run code or restyle the page. Relative URLs resolve against the show's link.
 */
final class NotesSanitizer {

	// Parsed once: jsoup parses a query string at every select.
	private static final Evaluator ANCHORS_WITHOUT_HREF = QueryParser.parse("a:not([href])");

	private static final Evaluator IMAGES_WITHOUT_SRC = QueryParser.parse("img:not([src])");

	private static final Evaluator LINKS_AND_IMAGES = QueryParser.parse("a[href], img[src]");

	private static final Evaluator LISTS = QueryParser.parse("ul, ol");

	private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");

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

	/**
	 * How deep the notes may nest; deeper elements are closed, their content kept. Show
	 * notes nest a dozen levels at most, and parsing and cleaning take time in proportion
	 * to the depth of every element (jsoup's own default is 512, as in browsers).
	 */
	private static final int MAX_DEPTH = 64;

	private static final Evaluator BLOCK_ELEMENTS = QueryParser
		.parse("p, div, ul, ol, dl, blockquote, pre, h2, h3, h4, h5, h6, table, figure, hr");

	private NotesSanitizer() {
	}

	/** Sanitized HTML of a body fragment; idempotent. */
	static Document sanitize(String html, @Nullable String baseUri) {
		return sanitize(parse(html, baseUri).document(), baseUri);
	}

	/**
	 * The fragment as a browser reads it, before any sanitizing, cut after
	 * {@link ShowNotes#MAX_ELEMENTS} elements.
	 */
	static Parsed parse(String html, @Nullable String baseUri) {
		String base = usableBase(baseUri);
		Document document = Document.createShell((base != null) ? base : "");
		Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
		try (StreamParser stream = new StreamParser(parser).parseFragment(html, document.body(), document.baseUri())) {
			Iterator<Element> completed = stream.iterator();
			for (int count = 0; completed.hasNext(); count++) {
				Element element = completed.next();
				if (count == ShowNotes.MAX_ELEMENTS) {
					// What was read so far: all that the top of the tree read into holds.
					stream.stop();
					Element top = element;
					while (top.parent() != null && !(top.parent() instanceof Document)) {
						top = top.parent();
					}
					document.body().appendChildren(top.childNodes());
					return new Parsed(document, true);
				}
			}
			document.body().appendChildren(stream.completeFragment());
			return new Parsed(document, false);
		}
		catch (IOException ex) {
			// Read from a string, the notes cannot fail to be read.
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Notes parsed, before any sanitizing.
	 *
	 * @param document the notes in the body of a document
	 * @param cut whether the notes made more elements than the site keeps, and the rest
	 * was cut
	 */
	record Parsed(Document document, boolean cut) {
	}

	/**
	 * Sanitized HTML of a fragment {@link #parse parsed} with the same base; changes
	 * {@code dirty}.
	 */
	static Document sanitize(Document dirty, @Nullable String baseUri) {
		prepare(dirty, usableBase(baseUri));
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		// Anchors without a usable href are just text; images without one are their alt
		// text.
		unwrap(identitySet(clean.select(ANCHORS_WITHOUT_HREF)));
		for (Element image : clean.select(IMAGES_WITHOUT_SRC)) {
			image.replaceWith(new TextNode(image.attr("alt")));
		}
		repairStructure(clean.body());
		clean.outputSettings().prettyPrint(false);
		return clean;
	}

	/** Before cleaning: headings under the page's h1, absolute URLs. */
	private static void prepare(Document document, @Nullable String base) {
		shiftHeadings(document);
		for (Element element : document.select(LINKS_AND_IMAGES)) {
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
	 * out of text-level elements (a span holding paragraphs becomes a div). Linear in the
	 * size of the notes, as hostile notes may nest anything: the elements to unwrap are
	 * marked on the way and unwrapped together at the end, since unwrapping one shifts
	 * all the siblings after it.
	 */
	private static void repairStructure(Element body) {
		for (Element list : body.select(LISTS)) {
			keepOnlyItems(list);
		}
		Holders holders = new Holders();
		for (Element block : body.select(BLOCK_ELEMENTS)) {
			keepOutOfPhrasing(block, holders);
		}
		unwrap(holders.unwrapped);
	}

	/** Whatever sits in a list between its items joins the item before, or a new one. */
	private static void keepOnlyItems(Element list) {
		List<Node> kept = new ArrayList<>();
		Map<Element, List<Node>> joining = new LinkedHashMap<>();
		Element item = null;
		for (Node child : list.childNodes()) {
			if (child instanceof Element element && element.nameIs("li")) {
				item = element;
				kept.add(element);
			}
			else if (child instanceof TextNode text && text.isBlank()) {
				kept.add(child);
			}
			else {
				if (item == null) {
					item = new Element("li");
					kept.add(item);
				}
				joining.computeIfAbsent(item, (joined) -> new ArrayList<>()).add(child);
			}
		}
		if (!joining.isEmpty()) {
			// Emptied first, the list hands over its children without shifting the rest.
			list.empty();
			list.appendChildren(kept);
			joining.forEach(Element::appendChildren);
		}
	}

	/**
	 * Repairs the phrasing element that holds {@code block}, then the block again, until
	 * it sits where HTML allows it or is unwrapped. A span or paragraph renamed div is a
	 * block in turn, checked first, as the repairs go in document order.
	 */
	private static void keepOutOfPhrasing(Element block, Holders holders) {
		Deque<Element> pending = new ArrayDeque<>();
		pending.push(block);
		while (!pending.isEmpty()) {
			Element misplaced = pending.peek();
			Element container = holders.unwrapped.contains(misplaced) ? null : phrasingContainer(misplaced, holders);
			if (container == null) {
				pending.pop();
			}
			else if (container.nameIs("span") || container.nameIs("p")) {
				container.tagName("div");
				pending.push(container);
			}
			else if (INLINE_FORMATTING.contains(container.normalName())) {
				holders.unwrapped.add(container);
			}
			else if (misplaced.nameIs("p") || misplaced.nameIs("div")) {
				// A paragraph inside a heading: the heading keeps its text.
				holders.unwrapped.add(misplaced);
			}
			else {
				container.tagName("div");
				pending.push(container);
			}
		}
	}

	/**
	 * The element that holds {@code block} though it only allows phrasing content, or
	 * null. Links are transparent: they allow what their parent allows; elements to be
	 * unwrapped are gone already.
	 */
	private static @Nullable Element phrasingContainer(Element block, Holders holders) {
		Element parent = holders.of(block);
		return (parent != null && PHRASING_ONLY.contains(parent.normalName())) ? parent : null;
	}

	/**
	 * Finds the element that holds another once links are seen through and the marked
	 * elements unwrapped. It remembers the way up, so that many blocks inside a deep pile
	 * of unwrapped elements do not each climb the whole pile.
	 */
	private static final class Holders {

		private final Set<Element> unwrapped = identitySet(List.of());

		/** For an element seen through: an ancestor at most as high as its holder. */
		private final Map<Element, Element> shortcuts = new IdentityHashMap<>();

		@Nullable Element of(Element element) {
			List<Element> passed = new ArrayList<>();
			Element holder = element.parent();
			while (holder != null && (holder.nameIs("a") || this.unwrapped.contains(holder))) {
				passed.add(holder);
				Element shortcut = this.shortcuts.get(holder);
				holder = (shortcut != null) ? shortcut : holder.parent();
			}
			// Elements seen through stay so, and the holder can only move up.
			for (Element seenThrough : passed) {
				if (holder != null) {
					this.shortcuts.put(seenThrough, holder);
				}
			}
			return holder;
		}

	}

	/**
	 * Puts the children of every element of {@code unwrapped} in its place. Each parent's
	 * children are rebuilt once, emptied first, so moving them shifts nothing.
	 */
	private static void unwrap(Set<Element> unwrapped) {
		Set<Element> parents = identitySet(List.of());
		for (Element element : unwrapped) {
			Element parent = element.parent();
			if (parent != null && !unwrapped.contains(parent)) {
				parents.add(parent);
			}
		}
		// Each parent takes what its unwrapped children hold, so the order does not
		// matter.
		for (Element element : parents) {
			List<Node> children = new ArrayList<>();
			List<Element> emptied = new ArrayList<>(List.of(element));
			Deque<Iterator<Node>> open = new ArrayDeque<>();
			open.push(element.childNodes().iterator());
			while (!open.isEmpty()) {
				Iterator<Node> siblings = open.peek();
				if (!siblings.hasNext()) {
					open.pop();
					continue;
				}
				Node child = siblings.next();
				if (child instanceof Element unwrapping && unwrapped.contains(unwrapping)) {
					emptied.add(unwrapping);
					open.push(unwrapping.childNodes().iterator());
				}
				else {
					children.add(child);
				}
			}
			emptied.forEach(Element::empty);
			element.appendChildren(children);
		}
	}

	private static Set<Element> identitySet(Collection<Element> elements) {
		Set<Element> set = Collections.newSetFromMap(new IdentityHashMap<>());
		set.addAll(elements);
		return set;
	}

	/**
	 * The page's h1 is the episode's title: the notes' top heading becomes h2 and the
	 * others keep their order beneath it, so no level is skipped.
	 */
	private static void shiftHeadings(Document document) {
		Elements headings = document.select(HEADINGS);
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
