package dev.podsite.rome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleParser;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code podcast:} tags forgivingly: values are trimmed, and an element missing
 * what it needs (a url, a name) is skipped rather than failing the feed.
 */
public class PodcastModuleParser implements ModuleParser {

	private final Namespace namespace;

	public PodcastModuleParser() {
		this(Podcast.URI);
	}

	protected PodcastModuleParser(String uri) {
		this.namespace = Namespace.getNamespace(Podcast.PREFIX, uri);
	}

	@Override
	public String getNamespaceUri() {
		return this.namespace.getURI();
	}

	@Override
	public @Nullable Module parse(Element element, Locale locale) {
		return switch (element.getName()) {
			case "channel" -> parseChannel(element);
			case "item" -> parseItem(element);
			default -> null;
		};
	}

	private @Nullable Module parseChannel(Element channel) {
		PodcastChannelImpl module = new PodcastChannelImpl();
		module.setGuid(text(channel.getChild("guid", this.namespace)));
		Element locked = channel.getChild("locked", this.namespace);
		if (locked != null && text(locked) != null) {
			String value = text(locked).toLowerCase(Locale.ROOT);
			module.setLocked(new Locked(value.equals("yes") || value.equals("true"), attribute(locked, "owner")));
		}
		List<Funding> fundings = new ArrayList<>();
		for (Element funding : channel.getChildren("funding", this.namespace)) {
			String url = attribute(funding, "url");
			if (url != null) {
				fundings.add(new Funding(url, text(funding)));
			}
		}
		module.setFundings(fundings);
		module.setPersons(persons(channel));
		boolean empty = module.getGuid() == null && module.getLocked() == null && fundings.isEmpty()
				&& module.getPersons().isEmpty();
		return empty ? null : module;
	}

	private @Nullable Module parseItem(Element item) {
		PodcastItemImpl module = new PodcastItemImpl();
		Element chapters = item.getChild("chapters", this.namespace);
		if (chapters != null && attribute(chapters, "url") != null) {
			module.setChapters(new Chapters(attribute(chapters, "url"), attribute(chapters, "type")));
		}
		List<Transcript> transcripts = new ArrayList<>();
		for (Element transcript : item.getChildren("transcript", this.namespace)) {
			String url = attribute(transcript, "url");
			if (url != null) {
				transcripts.add(new Transcript(url, attribute(transcript, "type"), attribute(transcript, "language"),
						attribute(transcript, "rel")));
			}
		}
		module.setTranscripts(transcripts);
		module.setPersons(persons(item));
		boolean empty = module.getChapters() == null && transcripts.isEmpty() && module.getPersons().isEmpty();
		return empty ? null : module;
	}

	private List<Person> persons(Element parent) {
		List<Person> persons = new ArrayList<>();
		for (Element person : parent.getChildren("person", this.namespace)) {
			String name = text(person);
			if (name != null) {
				persons.add(new Person(name, attribute(person, "role"), attribute(person, "group"),
						attribute(person, "img"), attribute(person, "href")));
			}
		}
		return persons;
	}

	private static @Nullable String text(@Nullable Element element) {
		return (element != null) ? blankToNull(element.getTextTrim()) : null;
	}

	private static @Nullable String attribute(Element element, String name) {
		return blankToNull(element.getAttributeValue(name));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
