package dev.podsite.notes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;

/**
 * Show notes made safe to store and show: sanitized HTML, every link it holds, and its
 * plain text.
 *
 * @param html sanitized HTML, ready for the page and the feed
 * @param links every link of the notes, in order, without repeats
 * @param plainText the text without markup, whitespace collapsed
 * @param lead the opening prose of the notes (paragraphs, not headings or link lists)
 * @param cut whether the notes were longer than the site keeps, and cut short
 */
public record ShowNotes(String html, List<NoteLink> links, String plainText, String lead, boolean cut) {

	// Parsed once: jsoup parses a query string at every select.
	private static final Evaluator PARAGRAPHS = QueryParser.parse("p, blockquote");

	private static final Evaluator ANCHORS = QueryParser.parse("a[href]");

	private static final ShowNotes EMPTY = new ShowNotes("", List.of(), "", "", false);

	/**
	 * The most elements notes may make, some 80 MB while they are sanitized; what follows
	 * is cut. Formatting that HTML opens again in every paragraph makes a dozen elements
	 * of each: 1 MB of such notes made 1.7 million elements, 260 MB before they were even
	 * cleaned. Real notes of 1 MB make some 20,000.
	 */
	public static final int MAX_ELEMENTS = 250_000;

	private static final int LEAD_LENGTH = 200;

	// An address in text ends before the punctuation that follows it.
	private static final Pattern ADDRESS = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s()<>]*[^\\s()<>.,;:!?'\"]");

	/** The last paragraph of notes that were cut, for listeners. */
	static final String CUT_SHORT = "(These notes are cut short here: they are longer than this site keeps.)";

	private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");

	private static final Pattern LINE_BREAK = Pattern.compile("\\R");

	private static final LinkExtractor URLS = LinkExtractor.builder()
		.linkTypes(Set.of(LinkType.URL, LinkType.WWW))
		.build();

	/**
	 * Notes from a feed: HTML when the text holds markup, otherwise plain text whose
	 * paragraphs and bare URLs become HTML.
	 * @param source content:encoded, description or itunes:summary; may be null
	 * @param baseUri what relative links resolve against (the show's link)
	 */
	public static ShowNotes fromFeed(@Nullable String source, @Nullable String baseUri) {
		return fromFeed(source, baseUri, Long.MAX_VALUE);
	}

	/**
	 * Notes from a feed, of which at most the first {@code maxBytes} (UTF-8) are kept:
	 * cut before the last tag that fits whole, or after the last whole word of text, with
	 * the elements still open there closed and a last paragraph that says so.
	 */
	public static ShowNotes fromFeed(@Nullable String source, @Nullable String baseUri, long maxBytes) {
		if (source == null || source.isBlank()) {
			return EMPTY;
		}
		boolean tooLong = sizeInBytes(source) > maxBytes;
		String kept = tooLong ? source.substring(0, cutIndex(source, maxBytes)) : source;
		// Parsed once: what tells markup from plain text is what the sanitizer reads.
		NotesSanitizer.Parsed parsed = NotesSanitizer.parse(kept, baseUri);
		if (!isMarkup(parsed.document())) {
			parsed = NotesSanitizer.parse(plainTextToHtml(kept), baseUri);
		}
		return of(parsed, baseUri, tooLong);
	}

	/** The size of {@code text} in UTF-8, counted without encoding it. */
	public static long sizeInBytes(String text) {
		long bytes = 0;
		int index = 0;
		while (index < text.length()) {
			int size = utf8Length(text, index);
			bytes += size;
			index += (size == 4) ? 2 : 1;
		}
		return bytes;
	}

	/** Notes from HTML nobody vouches for (a feed, rendered Markdown). */
	public static ShowNotes fromHtml(@Nullable String html, @Nullable String baseUri) {
		if (html == null || html.isBlank()) {
			return EMPTY;
		}
		return of(NotesSanitizer.parse(html, baseUri), baseUri, false);
	}

	/**
	 * Sanitized notes; when cut, too long or making too many elements, with a last
	 * paragraph that says so.
	 */
	private static ShowNotes of(NotesSanitizer.Parsed parsed, @Nullable String baseUri, boolean tooLong) {
		Document clean = NotesSanitizer.sanitize(parsed.document(), baseUri);
		boolean cut = tooLong || parsed.cut();
		if (cut) {
			clean.body().appendElement("p").text(CUT_SHORT);
		}
		String plainText = collapse(clean.body().text());
		String lead = lead(clean);
		return new ShowNotes(clean.body().html(), links(clean), plainText, lead.isEmpty() ? prose(plainText) : lead,
				cut);
	}

	/**
	 * Where to cut {@code source} to keep at most {@code maxBytes}: not in a tag, not in
	 * a word, not in a character.
	 */
	private static int cutIndex(String source, long maxBytes) {
		int end = 0;
		long bytes = 0;
		while (end < source.length()) {
			int size = utf8Length(source, end);
			if (bytes + size > maxBytes) {
				break;
			}
			bytes += size;
			end += (size == 4) ? 2 : 1;
		}
		int tagEnd = source.lastIndexOf('>', end - 1);
		int tagStart = source.lastIndexOf('<', end - 1);
		if (tagStart > tagEnd) {
			return tagStart;
		}
		for (int space = end; space > tagEnd + 1; space--) {
			if (Character.isWhitespace(source.charAt(space - 1))) {
				return space - 1;
			}
		}
		return end;
	}

	/** The UTF-8 size of the character at {@code index}: 4 for a surrogate pair. */
	private static int utf8Length(String text, int index) {
		char c = text.charAt(index);
		if (c < 0x80) {
			return 1;
		}
		if (c < 0x800) {
			return 2;
		}
		boolean pair = Character.isHighSurrogate(c) && index + 1 < text.length()
				&& Character.isLowSurrogate(text.charAt(index + 1));
		return pair ? 4 : 3;
	}

	/** The lead cut at a word boundary to at most {@code maxChars}, with "…". */
	public String summary(int maxChars) {
		if (this.lead.length() <= maxChars) {
			return this.lead;
		}
		String cut = this.lead.substring(0, maxChars - 1);
		boolean midWord = !Character.isWhitespace(this.lead.charAt(maxChars - 1));
		int space = cut.lastIndexOf(' ');
		if (midWord && space > maxChars / 2) {
			cut = cut.substring(0, space);
		}
		return cut.stripTrailing().replaceAll("[\\s,;:.\\-–—]+$", "") + "…";
	}

	/**
	 * The first paragraphs' text, enough for a summary; lists and headings are not prose.
	 */
	private static String lead(Document clean) {
		StringBuilder lead = new StringBuilder();
		for (Element paragraph : clean.body().select(PARAGRAPHS)) {
			String text = prose(paragraph.text());
			if (!text.isEmpty()) {
				lead.append((lead.length() > 0) ? " " : "").append(text);
			}
			if (lead.length() >= LEAD_LENGTH) {
				break;
			}
		}
		return lead.toString();
	}

	/**
	 * Plain text may hold angle brackets ("Vec&lt;T&gt;"): only elements HTML knows make
	 * it markup.
	 */
	static boolean isMarkup(String source) {
		return isMarkup(Jsoup.parseBodyFragment(source));
	}

	private static boolean isMarkup(Document parsed) {
		Element body = parsed.body();
		return body.getAllElements().stream().anyMatch((element) -> element != body && element.tag().isKnownTag());
	}

	private static String plainTextToHtml(String text) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : BLANK_LINES.split(text.strip())) {
			html.append("<p>");
			String[] lines = LINE_BREAK.split(paragraph.strip());
			for (int i = 0; i < lines.length; i++) {
				if (i > 0) {
					html.append("<br>");
				}
				// Feeds often escape entities in plain text too: decode them once, escape
				// once.
				html.append(linkUrls(Parser.unescapeEntities(lines[i].strip(), false)));
			}
			html.append("</p>");
		}
		return html.toString();
	}

	private static String linkUrls(String line) {
		StringBuilder html = new StringBuilder();
		for (Span span : URLS.extractSpans(line)) {
			String text = line.substring(span.getBeginIndex(), span.getEndIndex());
			if (span instanceof LinkSpan link) {
				String href = (link.getType() == LinkType.WWW) ? "https://" + text : text;
				html.append("<a href=\"")
					.append(Entities.escape(href))
					.append("\">")
					.append(Entities.escape(text))
					.append("</a>");
			}
			else {
				html.append(Entities.escape(text));
			}
		}
		return html.toString();
	}

	private static List<NoteLink> links(Document clean) {
		Set<NoteLink> links = new LinkedHashSet<>();
		for (Element anchor : clean.select(ANCHORS)) {
			String url = anchor.attr("href");
			String text = collapse(anchor.text());
			links.add(new NoteLink(text.isEmpty() ? url : text, url));
		}
		return new ArrayList<>(links);
	}

	/**
	 * Text as a summary reads it: prose, without the addresses notes spell out ("Listen
	 * on the hosting platform: https://…"), nor a label left without its address.
	 */
	static String prose(String text) {
		String withoutAddresses = collapse(ADDRESS.matcher(text).replaceAll(" ")).replaceAll("\\(\\s*\\)", "");
		return withoutAddresses.replaceFirst("[^.!?]*:\\s*$", "").replaceAll("\\s+([.,;:!?])", "$1").strip();
	}

	private static String collapse(String text) {
		return text.replaceAll("[\\s\\u00a0]+", " ").strip();
	}

}
