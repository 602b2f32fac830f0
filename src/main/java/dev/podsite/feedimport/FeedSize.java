package dev.podsite.feedimport;

import java.io.StringReader;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How many items and elements a feed holds, counted in one streaming pass that keeps
 * nothing of the document. The count stops where the document stops being well-formed or
 * declares a DOCTYPE: the parser that reads the feed afterwards says why it cannot.
 *
 * @param items the item (RSS) and entry (Atom) elements, at any depth
 * @param elements every element, comment, processing instruction and CDATA section: what
 * takes memory in the tree that Rome reads a feed into
 */
record FeedSize(long items, long elements) {

	/** The JDK parser's switch that reports CDATA sections apart from text. */
	private static final String REPORT_CDATA = "http://java.sun.com/xml/stream/properties/report-cdata-event";

	/** Never reads a DTD or an external entity; prefixes need no declaration here. */
	private static final XMLInputFactory FACTORY = factory();

	static FeedSize count(String xml) {
		long items = 0;
		long elements = 0;
		try {
			XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
			try {
				while (reader.hasNext()) {
					int event = reader.next();
					if (event == XMLStreamConstants.START_ELEMENT) {
						elements++;
						String name = reader.getLocalName();
						String local = name.substring(name.indexOf(':') + 1);
						if (local.equals("item") || local.equals("entry")) {
							items++;
						}
					}
					else if (event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.CDATA
							|| event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
						elements++;
					}
					else if (event == XMLStreamConstants.DTD) {
						break;
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			// Not well-formed from here on: what was counted is the least there is.
		}
		return new FeedSize(items, elements);
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		if (factory.isPropertySupported(REPORT_CDATA)) {
			factory.setProperty(REPORT_CDATA, true);
		}
		return factory;
	}

}
