package dev.podsite.feedpublish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Image;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.podsite.episode.Durations;
import dev.podsite.episode.Episode;
import dev.podsite.episode.HostField;
import dev.podsite.rome.Chapters;
import dev.podsite.rome.Funding;
import dev.podsite.rome.Locked;
import dev.podsite.rome.Person;
import dev.podsite.rome.PodcastChannelImpl;
import dev.podsite.rome.PodcastItemImpl;
import dev.podsite.rome.Transcript;
import dev.podsite.show.Show;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jspecify.annotations.Nullable;

/**
 * Writes the show as RSS 2.0 with the iTunes, content, atom and Podcasting 2.0
 * namespaces, with Rome. iTunes tags are written here rather than by rome-modules, whose
 * generator writes explicit as yes/no (Apple asks for true/false), drops episode number 0
 * (trailers) and always writes an owner, even an empty one.
 */
class FeedRenderer {

	static final Namespace ITUNES = Namespace.getNamespace("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");

	static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

	static final Namespace CONTENT = Namespace.getNamespace("content", "http://purl.org/rss/1.0/modules/content/");

	private final String baseUrl;

	private final @Nullable String hub;

	private volatile int lastSize = 64 * 1024;

	/** The kept elements the last render parsed, to be copied by the next one. */
	private volatile Map<String, KeptMarkup.Parsed> keptBefore = Map.of();

	/**
	 * @param baseUrl the site's origin, without a trailing slash
	 */
	FeedRenderer(String baseUrl) {
		this(baseUrl, null);
	}

	/**
	 * @param baseUrl the site's origin, without a trailing slash
	 * @param hub the WebSub hub the feed names, or null for none
	 */
	FeedRenderer(String baseUrl, @Nullable String hub) {
		this.baseUrl = baseUrl;
		this.hub = hub;
	}

	/** The feed's bytes, without elements kept from the source feed: for tests. */
	byte[] render(Show show, List<dev.podsite.episode.Person> people, List<Episode> episodes,
			@Nullable Instant lastBuildDate) {
		return render(show, people, episodes, Map.of(), lastBuildDate, null);
	}

	/**
	 * The feed's bytes, UTF-8; {@code people} are the show's own credits
	 * ({@code podcast:person} of the channel) as its feed wrote them;
	 * {@code foreignMarkup} the elements of the episodes' items that the site keeps as
	 * their feed wrote them, by episode id (the show's are in the show);
	 * {@code newFeedUrl} where the host announced the feed moves, said to apps with
	 * {@code itunes:new-feed-url} (null when it stays).
	 */
	byte[] render(Show show, List<dev.podsite.episode.Person> people, List<Episode> episodes,
			Map<Long, String> foreignMarkup, @Nullable Instant lastBuildDate, @Nullable URI newFeedUrl) {
		KeptMarkup kept = new KeptMarkup(this.keptBefore);
		Channel channel = channel(show, people, lastBuildDate);
		List<Element> tags = new ArrayList<>(channel.getForeignMarkup());
		tags.addAll(kept.elements(show.getForeignMarkup()));
		if (newFeedUrl != null) {
			tags.add(new Element("new-feed-url", ITUNES).setText(newFeedUrl.toString()));
		}
		channel.setForeignMarkup(tags);
		List<Item> items = new ArrayList<>(episodes.size());
		for (Episode episode : episodes) {
			Item item = item(episode);
			item.getForeignMarkup()
				.addAll(withoutEditedCopies(kept.elements(foreignMarkup.get(episode.getId())), episode));
			items.add(item);
		}
		channel.setItems(items);
		try {
			Document document = new WireFeedOutput().outputJDom(channel);
			Element root = document.getRootElement();
			// Declared once on the root, not again on every item's tags.
			for (Namespace namespace : List.of(ITUNES, ATOM, CONTENT)) {
				root.addNamespaceDeclaration(namespace);
			}
			kept.declareOn(root);
			this.keptBefore = kept.parsed();
			// Text is kept exactly (a guid with spaces stays as imported); elements are
			// indented.
			Format format = Format.getPrettyFormat().setTextMode(Format.TextMode.PRESERVE).setEncoding("UTF-8");
			// Straight into bytes, in a buffer the size of the last feed: a feed of
			// megabytes
			// is not built as a string, copied as it grows and encoded again.
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(this.lastSize + this.lastSize / 8);
			new XMLOutputter(format).output(document, bytes);
			this.lastSize = bytes.size();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("The feed could not be written: " + ex.getMessage(), ex);
		}
	}

	private Channel channel(Show show, List<dev.podsite.episode.Person> people, @Nullable Instant lastBuildDate) {
		Channel channel = new Channel("rss_2.0");
		channel.setTitle(show.getTitle());
		channel.setLink(this.baseUrl + "/");
		channel.setDescription(orEmpty(show.getDescriptionHtml()));
		channel.setLanguage(show.getLanguage());
		channel.setCopyright(show.getCopyright());
		channel.setGenerator("Podsite");
		channel.setLastBuildDate((lastBuildDate != null) ? Date.from(lastBuildDate) : null);
		if (show.getImageUrl() != null) {
			Image image = new Image();
			image.setUrl(show.getImageUrl());
			image.setTitle(show.getTitle());
			image.setLink(this.baseUrl + "/");
			channel.setImage(image);
		}

		List<Element> tags = new ArrayList<>();
		tags.add(new Element("link", ATOM).setAttribute("href", this.baseUrl + "/feed.xml")
			.setAttribute("rel", "self")
			.setAttribute("type", "application/rss+xml"));
		if (this.hub != null) {
			// WebSub discovery: subscribers learn of changes from the hub, with the self
			// link above as the topic.
			tags.add(new Element("link", ATOM).setAttribute("href", this.hub).setAttribute("rel", "hub"));
		}
		addText(tags, "author", show.getAuthor());
		if (show.getOwnerName() != null || show.getOwnerEmail() != null) {
			Element owner = new Element("owner", ITUNES);
			if (show.getOwnerName() != null) {
				owner.addContent(new Element("name", ITUNES).setText(show.getOwnerName()));
			}
			if (show.getOwnerEmail() != null) {
				owner.addContent(new Element("email", ITUNES).setText(show.getOwnerEmail()));
			}
			tags.add(owner);
		}
		if (show.getImageUrl() != null) {
			tags.add(new Element("image", ITUNES).setAttribute("href", show.getImageUrl()));
		}
		for (Map.Entry<String, List<String>> category : show.getCategoryTree().entrySet()) {
			Element tag = new Element("category", ITUNES).setAttribute("text", category.getKey());
			category.getValue()
				.forEach((sub) -> tag.addContent(new Element("category", ITUNES).setAttribute("text", sub)));
			tags.add(tag);
		}
		// Apple requires the tag; a show that never said is not explicit.
		addText(tags, "explicit", String.valueOf(Boolean.TRUE.equals(show.getExplicit())));
		addText(tags, "type", show.getType());
		channel.setForeignMarkup(tags);

		PodcastChannelImpl podcast = new PodcastChannelImpl();
		podcast.setGuid(show.getPodcastGuid());
		if (show.getLocked() != null) {
			podcast.setLocked(new Locked(show.getLocked(), show.getLockedOwner()));
		}
		podcast.setFundings(show.getFundings().stream().map((f) -> new Funding(f.url(), f.label())).toList());
		podcast.setPersons(persons(people));
		if (podcast.getGuid() != null || podcast.getLocked() != null || !podcast.getFundings().isEmpty()
				|| !podcast.getPersons().isEmpty()) {
			channel.getModules().add(podcast);
		}
		return channel;
	}

	/**
	 * The kept elements, less the source's own copies of a field the host changed: its
	 * {@code itunes:title} once the host retitled the episode, its {@code itunes:summary}
	 * once the host rewrote the notes (apps prefer them to the title and notes we write).
	 */
	private static List<Element> withoutEditedCopies(List<Element> kept, Episode episode) {
		boolean title = episode.isOverridden(HostField.TITLE.key());
		boolean notes = episode.isOverridden(HostField.NOTES.key());
		if (!title && !notes) {
			return kept;
		}
		return kept.stream()
			.filter((element) -> !ITUNES.getURI().equals(element.getNamespaceURI())
					|| !((title && element.getName().equals("title"))
							|| (notes && element.getName().equals("summary"))))
			.toList();
	}

	private Item item(Episode episode) {
		Item item = new Item();
		item.setTitle(episode.getTitle());
		item.setLink(this.baseUrl + "/episodes/" + episode.getSlug());
		item.setPubDate(Date.from(episode.getPublishedAt()));
		Guid guid = new Guid();
		guid.setValue(episode.getGuid());
		guid.setPermaLink(episode.isGuidPermalink());
		item.setGuid(guid);
		Description description = new Description();
		description.setType("text/html");
		description.setValue(episode.getNotesHtml());
		item.setDescription(description);
		if (!episode.getNotesHtml().isEmpty()) {
			Content content = new Content();
			content.setType(Content.HTML);
			content.setValue(episode.getNotesHtml());
			item.setContent(content);
		}
		Enclosure enclosure = new Enclosure();
		enclosure.setUrl(episode.getAudioUrl());
		enclosure.setLength((episode.getAudioLength() != null) ? episode.getAudioLength() : 0);
		enclosure.setType(episode.getAudioType());
		item.setEnclosures(List.of(enclosure));

		List<Element> tags = new ArrayList<>();
		addText(tags, "duration", Durations.format(episode.getDurationSeconds()));
		addText(tags, "season", episode.getSeason());
		addText(tags, "episode", episode.getEpisodeNumber());
		addText(tags, "episodeType", (episode.getEpisodeType() != null) ? episode.getEpisodeType().value() : null);
		addText(tags, "explicit", episode.getExplicit());
		if (episode.getImageUrl() != null) {
			tags.add(new Element("image", ITUNES).setAttribute("href", episode.getImageUrl()));
		}
		item.setForeignMarkup(tags);

		PodcastItemImpl podcast = new PodcastItemImpl();
		if (episode.getChaptersUrl() != null) {
			podcast.setChapters(new Chapters(episode.getChaptersUrl(), episode.getChaptersType()));
		}
		podcast.setTranscripts(episode.getTranscripts()
			.stream()
			.map((t) -> new Transcript(t.url(), t.type(), t.language(), t.rel()))
			.toList());
		podcast.setPersons(persons(episode.getPersons()));
		if (podcast.getChapters() != null || !podcast.getTranscripts().isEmpty() || !podcast.getPersons().isEmpty()) {
			item.getModules().add(podcast);
		}
		return item;
	}

	/** Credits as the source feed wrote them, like its guids. */
	private static List<Person> persons(List<dev.podsite.episode.Person> persons) {
		return persons.stream().map((p) -> new Person(p.name(), p.role(), p.group(), p.imageUrl(), p.href())).toList();
	}

	private static void addText(List<Element> tags, String name, @Nullable Object value) {
		if (value != null) {
			tags.add(new Element(name, ITUNES).setText(value.toString()));
		}
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
