package dev.podsite.rome;

import java.util.List;
import java.util.Set;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;

/**
 * Writes the {@code podcast:} tags of a channel or an item.
 */
public class PodcastModuleGenerator implements ModuleGenerator {

	private static final Namespace NAMESPACE = Namespace.getNamespace(Podcast.PREFIX, Podcast.URI);

	@Override
	public String getNamespaceUri() {
		return Podcast.URI;
	}

	@Override
	public Set<Namespace> getNamespaces() {
		return Set.of(NAMESPACE);
	}

	@Override
	public void generate(Module module, Element element) {
		if (module instanceof PodcastChannel channel) {
			generateChannel(channel, element);
		}
		else if (module instanceof PodcastItem item) {
			generateItem(item, element);
		}
	}

	private void generateChannel(PodcastChannel channel, Element element) {
		if (channel.getGuid() != null) {
			element.addContent(podcast("guid").setText(channel.getGuid()));
		}
		if (channel.getLocked() != null) {
			Element locked = podcast("locked").setText(channel.getLocked().locked() ? "yes" : "no");
			attribute(locked, "owner", channel.getLocked().owner());
			element.addContent(locked);
		}
		for (Funding funding : channel.getFundings()) {
			Element tag = podcast("funding");
			attribute(tag, "url", funding.url());
			if (funding.text() != null) {
				tag.setText(funding.text());
			}
			element.addContent(tag);
		}
		addPersons(channel.getPersons(), element);
	}

	private void generateItem(PodcastItem item, Element element) {
		if (item.getChapters() != null) {
			Element chapters = podcast("chapters");
			attribute(chapters, "url", item.getChapters().url());
			attribute(chapters, "type", item.getChapters().type());
			element.addContent(chapters);
		}
		for (Transcript transcript : item.getTranscripts()) {
			Element tag = podcast("transcript");
			attribute(tag, "url", transcript.url());
			attribute(tag, "type", transcript.type());
			attribute(tag, "language", transcript.language());
			attribute(tag, "rel", transcript.rel());
			element.addContent(tag);
		}
		addPersons(item.getPersons(), element);
	}

	private static void addPersons(List<Person> persons, Element element) {
		for (Person person : persons) {
			Element tag = podcast("person").setText(person.name());
			attribute(tag, "role", person.role());
			attribute(tag, "group", person.group());
			attribute(tag, "img", person.img());
			attribute(tag, "href", person.href());
			element.addContent(tag);
		}
	}

	private static Element podcast(String name) {
		return new Element(name, NAMESPACE);
	}

	private static void attribute(Element element, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			element.setAttribute(name, value);
		}
	}

}
