package dev.podsite.feedimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.podsite.feedpublish.FeedCheck;
import dev.podsite.feedpublish.FeedFinding;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * Parses a fetched feed with Rome. The charset comes from the byte order mark, the XML
 * declaration or the HTTP header; a DOCTYPE is refused, which also shuts out XXE and
 * entity expansion.
 */
final class FeedReader {

	/** Namespaces that podcast feeds often use without declaring them. */
	private static final Map<String, String> WELL_KNOWN_NAMESPACES = Map.of("itunes",
			"http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast", "https://podcastindex.org/namespace/1.0",
			"content", "http://purl.org/rss/1.0/modules/content/", "atom", "http://www.w3.org/2005/Atom", "googleplay",
			"http://www.google.com/schemas/play-podcasts/1.0", "media", "http://search.yahoo.com/mrss/", "dc",
			"http://purl.org/dc/elements/1.1/");

	/** Our namespace for raw text that Rome would otherwise lose. */
	private static final Namespace RAW_TEXT = Namespace.getNamespace("podsite-raw", "urn:dev.podsite:raw-text");

	private static final Pattern UNBOUND_PREFIX = Pattern.compile("The prefix \"(\\w+)\" for element");

	private static final Pattern CHARSET_PARAMETER = Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");

	private static final Pattern ROOT_ELEMENT = Pattern.compile("<(rss|feed|rdf:RDF)(?=[\\s>/])");

	private FeedReader() {
	}

	/**
	 * A parsed feed, the elements of it the site keeps as they were written, and what the
	 * reader had to forgive.
	 *
	 * @param findings what directories would flag in the feed (FeedCheck), read from the
	 * same document
	 */
	record ReadFeed(SyndFeed feed, ForeignMarkup foreign, List<HostNotice> warnings, List<FeedFinding> findings,
			WebSubSubscriptions.@Nullable HubLink hub) {
	}

	/** Without limits of items or elements: for the bundled snapshot and tests. */
	static ReadFeed parse(FetchedFeed fetched) throws FeedImportException {
		return parse(fetched, Integer.MAX_VALUE, Integer.MAX_VALUE);
	}

	/**
	 * Parses the feed, unless it lists more than {@code maxItems} items or holds more
	 * than {@code maxElements} elements: counted first, in one pass that keeps nothing,
	 * as Rome builds a tree of the whole document that takes many times its size in
	 * memory.
	 */
	static ReadFeed parse(FetchedFeed fetched, int maxItems, int maxElements) throws FeedImportException {
		if (fetched.body().length == 0) {
			throw new FeedImportException(HostNotice.of("feed.empty", fetched.url()));
		}
		List<HostNotice> warnings = new ArrayList<>();
		String xml = decode(fetched, warnings);
		if (isHtmlPage(xml)) {
			throw new FeedImportException(HostNotice.of("feed.htmlPage", fetched.url()));
		}
		refuseTooLarge(fetched, FeedSize.count(xml), maxItems, maxElements);
		while (true) {
			try {
				RawTextKeepingInput input = new RawTextKeepingInput(fetched.body().length);
				SyndFeed feed = build(input, xml);
				ForeignMarkup foreign = ForeignMarkup.of(xml);
				warnings.addAll(foreign.warnings());
				return new ReadFeed(feed, foreign, warnings, input.findings, input.hub);
			}
			catch (ParsingFeedException ex) {
				String prefix = unboundWellKnownPrefix(ex);
				if (prefix == null || xml.contains("xmlns:" + prefix + "=")) {
					throw new FeedImportException(describe(ex, fetched), ex);
				}
				// As podcast apps do: read an undeclared itunes: (or similar) prefix as
				// the namespace it means.
				xml = declare(xml, prefix);
				warnings.add(HostNotice.of("feed.undeclaredPrefix", prefix, WELL_KNOWN_NAMESPACES.get(prefix)));
			}
			catch (FeedException | IllegalArgumentException ex) {
				throw notAFeed(fetched, ex.getMessage());
			}
		}
	}

	/**
	 * Whether the document is an HTML page: after blanks and comments, an HTML doctype or
	 * an html element. A loop, not a regular expression: a repeated group recurses once
	 * per repetition, and a few thousand comments overflowed the stack.
	 */
	static boolean isHtmlPage(String document) {
		int at = skipBlanks(document, 0);
		while (document.startsWith("<!--", at)) {
			int end = document.indexOf("-->", at + 4);
			if (end < 0) {
				return false;
			}
			at = skipBlanks(document, end + 3);
		}
		if (document.regionMatches(true, at, "<html", 0, 5)) {
			return true;
		}
		int name = at + "<!DOCTYPE".length();
		return document.regionMatches(true, at, "<!DOCTYPE", 0, 9) && skipBlanks(document, name) > name
				&& document.regionMatches(true, skipBlanks(document, name), "html", 0, 4);
	}

	/** The index of the first character from {@code from} that is not white space. */
	private static int skipBlanks(String text, int from) {
		int at = from;
		while (at < text.length() && isBlank(text.charAt(at))) {
			at++;
		}
		return at;
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
	}

	private static void refuseTooLarge(FetchedFeed fetched, FeedSize size, int maxItems, int maxElements)
			throws FeedImportException {
		if (size.items() > maxItems) {
			throw new FeedImportException(HostNotice.of("feed.tooManyItems", fetched.url(), size.items(), maxItems));
		}
		if (size.elements() > maxElements) {
			throw new FeedImportException(
					HostNotice.of("feed.tooManyElements", fetched.url(), size.elements(), maxElements));
		}
	}

	private static SyndFeed build(WireFeedInput input, String xml) throws FeedException {
		input.setAllowDoctypes(false);
		return new SyndFeedImpl(input.build(new StringReader(xml)), true);
	}

	/**
	 * The address the feed says it moved to ({@code itunes:new-feed-url}), or null.
	 */
	static @Nullable URI newFeedUrl(SyndFeed feed) {
		if (!(feed.getModule(ITunes.URI) instanceof FeedInformation itunes) || itunes.getNewFeedUrl() == null
				|| itunes.getNewFeedUrl().isBlank()) {
			return null;
		}
		try {
			return new URI(itunes.getNewFeedUrl().strip());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * The text of an item's {@code itunes:duration} as the feed wrote it, or null. Rome
	 * turns text it cannot read into a length of 0 without a word; the mapper reads the
	 * text itself.
	 */
	static @Nullable String rawDuration(SyndEntry entry) {
		for (Element element : entry.getForeignMarkup()) {
			if (RAW_TEXT.equals(element.getNamespace()) && element.getName().equals("itunes-duration")) {
				return element.getText();
			}
		}
		return null;
	}

	/**
	 * Copies the raw text of each {@code itunes:duration} into an element of our own
	 * namespace beside it, before Rome reads the document. No module claims that
	 * namespace, so Rome hands it over with the item's foreign markup.
	 */
	private static final class RawTextKeepingInput extends WireFeedInput {

		private final long bytes;

		private List<FeedFinding> findings = List.of();

		private WebSubSubscriptions.@Nullable HubLink hub;

		RawTextKeepingInput(long bytes) {
			super(false, Locale.US);
			this.bytes = bytes;
		}

		@Override
		public WireFeed build(Document document) throws FeedException {
			// The document as the source wrote it, before anything is added to it.
			this.findings = FeedCheck.check(document, this.bytes);
			this.hub = WebSubSubscriptions.HubLink.of(document);
			List<Element> durations = new ArrayList<>();
			for (Element element : document.getDescendants(Filters.element())) {
				// Also the old URI, capitalised .../DTDs/..., that Rome reads.
				if (element.getName().equals("duration") && ITunes.URI.equalsIgnoreCase(element.getNamespaceURI())) {
					durations.add(element);
				}
			}
			for (Element duration : durations) {
				duration.getParentElement()
					.addContent(new Element("itunes-duration", RAW_TEXT).setText(duration.getText()));
			}
			return super.build(document);
		}

	}

	/**
	 * Decodes the body as XML readers do: a byte order mark, then the XML declaration's
	 * encoding, then the header's charset, then UTF-8 (RFC 7303). A Content-Type without
	 * a charset says nothing about the encoding: it must not make a UTF-8 feed US-ASCII,
	 * as RFC 3023 once asked for text/xml. When the header's charset contradicts the
	 * declaration, the declaration wins (Rome's lenient rule): the program that wrote the
	 * bytes declared them, while a server's charset is often a default set for its HTML
	 * pages. The run says so, as either may be the wrong one.
	 */
	private static String decode(FetchedFeed fetched, List<HostNotice> warnings) throws FeedImportException {
		InputStream body = new ByteArrayInputStream(fetched.body());
		String headerCharset = charset(fetched.contentType());
		if (headerCharset != null && !isSupported(headerCharset)) {
			warnings.add(HostNotice.of("feed.unknownCharset", headerCharset));
			headerCharset = null;
		}
		try (XmlReader reader = (headerCharset != null) ? new XmlReader(body, fetched.contentType(), true)
				: new XmlReader(body, true)) {
			if (headerCharset != null && !sameCharset(headerCharset, reader.getEncoding())) {
				warnings.add(HostNotice.of("feed.charsetMismatch", headerCharset, reader.getEncoding()));
			}
			StringBuilder xml = new StringBuilder(fetched.body().length);
			char[] buffer = new char[8192];
			for (int n; (n = reader.read(buffer)) != -1;) {
				xml.append(buffer, 0, n);
			}
			return xml.toString();
		}
		catch (IOException ex) {
			throw new FeedImportException(
					HostNotice.of("feed.undecodable", fetched.url(), String.valueOf(ex.getMessage())), ex);
		}
	}

	/** The charset parameter of a Content-Type, or null. */
	private static @Nullable String charset(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		Matcher matcher = CHARSET_PARAMETER.matcher(contentType);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static boolean isSupported(String charset) {
		try {
			return Charset.isSupported(charset);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean sameCharset(String one, String other) {
		try {
			return Charset.forName(one).equals(Charset.forName(other));
		}
		catch (IllegalArgumentException ex) {
			return one.equalsIgnoreCase(other);
		}
	}

	private static @Nullable String unboundWellKnownPrefix(ParsingFeedException ex) {
		String detail = detail(ex);
		Matcher matcher = UNBOUND_PREFIX.matcher((detail != null) ? detail : "");
		return (matcher.find() && WELL_KNOWN_NAMESPACES.containsKey(matcher.group(1))) ? matcher.group(1) : null;
	}

	private static String declare(String xml, String prefix) {
		Matcher root = ROOT_ELEMENT.matcher(xml);
		if (!root.find()) {
			return xml;
		}
		return xml.substring(0, root.end()) + " xmlns:" + prefix + "=\"" + WELL_KNOWN_NAMESPACES.get(prefix) + "\""
				+ xml.substring(root.end());
	}

	private static HostNotice describe(ParsingFeedException ex, FetchedFeed fetched) {
		String detail = detail(ex);
		if (detail != null && detail.contains("DOCTYPE")) {
			// Refused, not ignored: the record says so, and that nothing of it was read.
			return HostNotice.of("feed.doctype", fetched.url());
		}
		if (ex.getLineNumber() < 0) {
			// Rome fails this way on a root element without the parts a feed must have.
			return notAFeed(fetched, HostNotice.of("feed.noChannel")).reason();
		}
		return HostNotice.of("feed.invalidXml", fetched.url(), String.valueOf(ex.getLineNumber()),
				String.valueOf(ex.getColumnNumber()), String.valueOf(detail));
	}

	private static FeedImportException notAFeed(FetchedFeed fetched, @Nullable Object reason) {
		return new FeedImportException(HostNotice.of("feed.notAFeed", fetched.url(),
				(reason != null) ? reason : HostNotice.of("feed.unknownFormat")));
	}

	private static @Nullable String detail(ParsingFeedException ex) {
		String detail = (ex.getCause() != null && ex.getCause().getMessage() != null) ? ex.getCause().getMessage()
				: ex.getMessage();
		return (detail != null) ? detail.replaceFirst("^Error on line -?\\d+: ", "") : null;
	}

}
