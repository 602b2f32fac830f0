package dev.podsite.discovery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes sitemaps and sitemap indexes as the protocol (sitemaps.org, 0.9) has them:
 * UTF-8, absolute addresses, entity-escaped by the XML writer, {@code lastmod} in W3C
 * Datetime.
 */
final class SitemapWriter {

	static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private SitemapWriter() {
	}

	/** A {@code urlset} of these pages. */
	static byte[] urlset(List<Entry> pages) {
		return write("urlset", "url", pages);
	}

	/** A {@code sitemapindex} of these sitemaps. */
	static byte[] index(List<Entry> sitemaps) {
		return write("sitemapindex", "sitemap", sitemaps);
	}

	private static byte[] write(String root, String element, List<Entry> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 + entries.size() * 160);
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
			xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
			xml.writeCharacters("\n");
			xml.setDefaultNamespace(NAMESPACE);
			xml.writeStartElement(NAMESPACE, root);
			xml.writeDefaultNamespace(NAMESPACE);
			for (Entry entry : entries) {
				xml.writeCharacters("\n\t");
				xml.writeStartElement(NAMESPACE, element);
				text(xml, "loc", entry.location());
				text(xml, "lastmod", DateTimeFormatter.ISO_INSTANT.format(entry.lastModified()));
				xml.writeEndElement();
			}
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("The sitemap could not be written", ex);
		}
		out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private static void text(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(NAMESPACE, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	/** One address and when it last changed, to the second. */
	record Entry(String location, Instant lastModified) {

		Entry {
			lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
		}

	}

}
