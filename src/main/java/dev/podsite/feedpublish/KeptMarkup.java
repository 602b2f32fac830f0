package dev.podsite.feedpublish;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jspecify.annotations.Nullable;

/**
 * Reads back the elements of the source feed that the site keeps as they were written (a
 * {@code <foreign>} element holding them, as the import stored them), to be written again
 * into the channel or the item they came from. One per render: it remembers the
 * namespaces the elements use, so the feed declares them once on its root. What the last
 * render parsed is copied, not parsed again: most renders follow a change of one episode,
 * and copying a small tree is faster than parsing it.
 */
final class KeptMarkup {

	private final SAXBuilder parser;

	private final Map<String, Namespace> namespaces = new LinkedHashMap<>();

	private final Map<String, Parsed> parsedBefore;

	private final Map<String, Parsed> parsed = new HashMap<>();

	/**
	 * @param parsedBefore what the last render parsed ({@link #parsed()}): never changed
	 * here, and only copies of its elements go into a feed
	 */
	KeptMarkup(Map<String, Parsed> parsedBefore) {
		this.parsedBefore = parsedBefore;
		this.parser = new SAXBuilder(XMLReaders.NONVALIDATING);
		// What the import stored never has a DOCTYPE: refuse one all the same. Without
		// one, no entity can be declared (and expanding the predefined ones is needed:
		// JDOM otherwise writes &amp; inside CDATA as &#38;).
		this.parser.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
	}

	/** The kept elements, detached and ready to be added to the feed; none for null. */
	List<Element> elements(@Nullable String markup) {
		if (markup == null) {
			return List.of();
		}
		Parsed prototypes = this.parsed.get(markup);
		if (prototypes == null) {
			prototypes = this.parsedBefore.get(markup);
			if (prototypes == null) {
				prototypes = parse(markup);
			}
			this.parsed.put(markup, prototypes);
		}
		for (Namespace namespace : prototypes.namespaces()) {
			this.namespaces.putIfAbsent(namespace.getPrefix(), namespace);
		}
		List<Element> elements = new ArrayList<>(prototypes.elements().size());
		for (Element prototype : prototypes.elements()) {
			elements.add(prototype.clone());
		}
		return elements;
	}

	/** What this render parsed or copied, by markup: for the next render. */
	Map<String, Parsed> parsed() {
		return this.parsed;
	}

	private Parsed parse(String markup) {
		Element foreign;
		try {
			foreign = this.parser.build(new StringReader(markup)).getRootElement();
		}
		catch (JDOMException | IOException ex) {
			// Stored by the import after JDOM wrote it: this is a bug, not bad input.
			throw new IllegalStateException("Kept elements that are not XML: " + ex.getMessage(), ex);
		}
		List<Element> elements = new ArrayList<>();
		List<Namespace> namespaces = new ArrayList<>();
		for (Content content : foreign.removeContent()) {
			if (content instanceof Element element) {
				for (Namespace namespace : element.getNamespacesIntroduced()) {
					if (!namespace.getPrefix().isEmpty()) {
						namespaces.add(namespace);
					}
				}
				elements.add(element);
			}
		}
		return new Parsed(List.copyOf(elements), List.copyOf(namespaces));
	}

	/**
	 * The elements of a markup, never added to a feed themselves, and their namespaces.
	 */
	record Parsed(List<Element> elements, List<Namespace> namespaces) {
	}

	/**
	 * Declares on {@code root} the namespaces the kept elements use, each whose prefix
	 * the root does not bind already to another namespace.
	 */
	void declareOn(Element root) {
		for (Namespace namespace : this.namespaces.values()) {
			Namespace bound = root.getNamespace(namespace.getPrefix());
			if (bound == null) {
				root.addNamespaceDeclaration(namespace);
			}
		}
	}

}
