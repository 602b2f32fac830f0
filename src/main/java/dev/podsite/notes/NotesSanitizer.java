package dev.podsite.notes;

import java.net.URI;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.select.Elements;
import org.jsoup.safety.Safelist;

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

	private NotesSanitizer() {
	}

	/** Sanitized HTML of a body fragment; idempotent. */
	static Document sanitize(String html, String baseUri) {
		String base = usableBase(baseUri);
		Document dirty = Jsoup.parseBodyFragment(html, (base != null) ? base : "");
		prepare(dirty, base);
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		// Anchors without a usable href are just text.
		clean.select("a:not([href])").unwrap();
		clean.outputSettings().prettyPrint(false);
		return clean;
	}

	/** Before cleaning: headings under the page's h1, absolute URLs. */
	private static void prepare(Document document, String base) {
		shiftHeadings(document);
		for (Element element : document.select("a[href], img[src]")) {
			String attribute = element.hasAttr("href") ? "href" : "src";
			String url = element.attr(attribute).strip();
			if (url.startsWith("//")) {
				element.attr(attribute, "https:" + url);
			}
			else if (base != null) {
				element.attr(attribute, element.absUrl(attribute));
			}
			else {
				element.attr(attribute, url);
			}
		}
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

	private static String usableBase(String baseUri) {
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
