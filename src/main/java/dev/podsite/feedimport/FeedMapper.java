package dev.podsite.feedimport;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Subcategory;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndImage;
import dev.podsite.episode.ChaptersFile;
import dev.podsite.episode.Durations;
import dev.podsite.episode.EpisodeContent;
import dev.podsite.episode.EpisodeNotes;
import dev.podsite.episode.EpisodeType;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.MediaTypes;
import dev.podsite.episode.Person;
import dev.podsite.episode.Transcript;
import dev.podsite.notes.ShowNotes;
import dev.podsite.rome.Podcast;
import dev.podsite.rome.PodcastChannel;
import dev.podsite.rome.PodcastItem;
import dev.podsite.show.Funding;
import dev.podsite.show.ShowCategory;
import dev.podsite.show.ShowContent;
import dev.podsite.support.WebAddresses;
import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * Maps a parsed feed to our domain: the rules of identity, dates, durations and notes.
 * Pure: no I/O, no Spring.
 */
final class FeedMapper {

	private final URI feedUrl;

	private final long maxNotesBytes;

	private final ImportBudget budget;

	private final List<HostNotice> warnings = new ArrayList<>();

	private FeedMapper(URI feedUrl, long maxNotesBytes, ImportBudget budget) {
		this.feedUrl = feedUrl;
		this.maxNotesBytes = maxNotesBytes;
		this.budget = budget;
	}

	/** Notes of any length, without a time limit: for the bundled snapshot and tests. */
	static ImportedFeed map(FeedReader.ReadFeed read, URI feedUrl) throws FeedImportException {
		return map(read, feedUrl, Long.MAX_VALUE, ImportBudget.unlimited());
	}

	/**
	 * Maps the feed, cutting notes longer than {@code maxNotesBytes}; stops when the
	 * import's budget is over.
	 */
	static ImportedFeed map(FeedReader.ReadFeed read, URI feedUrl, long maxNotesBytes, ImportBudget budget)
			throws FeedImportException {
		FeedMapper mapper = new FeedMapper(feedUrl, maxNotesBytes, budget);
		mapper.warnings.addAll(read.warnings());
		return mapper.map(read.feed(), read.foreign());
	}

	private ImportedFeed map(SyndFeed feed, ForeignMarkup foreign) throws FeedImportException {
		String link = webUrl(feed.getLink(), HostNotice.of("feed.what.showLink"));
		String notesBase = (link != null) ? link : this.feedUrl.toString();
		ShowContent show = show(feed, link, notesBase).withForeignMarkup(foreign.channel());
		List<Person> people = (feed.getModule(Podcast.URI) instanceof PodcastChannel channel)
				? persons(channel.getPersons(), null) : List.of();
		Map<String, ImportedEpisode> episodes = new LinkedHashMap<>();
		List<SyndEntry> entries = feed.getEntries();
		// Rome reads the items in the order of the feed, as the kept elements are.
		boolean aligned = foreign.items().size() == entries.size();
		for (int i = 0; i < entries.size(); i++) {
			// Sanitizing notes takes time: a long feed stops between two items.
			this.budget.check();
			ImportedEpisode episode = episode(entries.get(i), notesBase)
				.withForeignMarkup(aligned ? foreign.item(i) : null);
			ImportedEpisode first = episodes.putIfAbsent(episode.identity(), episode);
			if (first != null) {
				this.warnings
					.add(HostNotice.of("feed.sameIdentity", episode.title(), episode.identity(), first.title()));
			}
		}
		List<ImportedEpisode> dated = placeUndated(new ArrayList<>(episodes.values()));
		return new ImportedFeed(show, people, dated, List.copyOf(this.warnings));
	}

	private ShowContent show(SyndFeed feed, @Nullable String link, String notesBase) {
		FeedInformation itunes = (feed.getModule(ITunes.URI) instanceof FeedInformation info) ? info : null;
		PodcastChannel podcast = (feed.getModule(Podcast.URI) instanceof PodcastChannel channel) ? channel : null;
		Channel rss = (feed.originalWireFeed() instanceof Channel channel) ? channel : null;

		String title = trim(feed.getTitle());
		if (title == null) {
			title = "Untitled podcast";
			this.warnings.add(HostNotice.of("feed.noTitle"));
		}
		String description = firstText(feed.getDescription(), (itunes != null) ? itunes.getSummary() : null);
		String author = firstText((itunes != null) ? itunes.getAuthor() : null, feed.getAuthor(),
				(rss != null) ? rss.getManagingEditor() : null);
		SyndImage image = feed.getImage();
		String imageUrl = webUrl(firstText(itunesImage(itunes), (image != null) ? image.getUrl() : null),
				HostNotice.of("feed.what.showImage"));
		return new ShowContent(title, link,
				notes(description, notesBase, HostNotice.of("feed.what.showDescription")).html(), author,
				(itunes != null) ? trim(itunes.getOwnerName()) : null,
				(itunes != null) ? trim(itunes.getOwnerEmailAddress()) : null, imageUrl, trim(feed.getLanguage()),
				trim(feed.getCopyright()), (itunes != null) ? itunes.getExplicitNullable() : null,
				(itunes != null) ? lower(itunes.getType()) : null, (podcast != null) ? trim(podcast.getGuid()) : null,
				(podcast != null && podcast.getLocked() != null) ? podcast.getLocked().locked() : null,
				(podcast != null && podcast.getLocked() != null) ? trim(podcast.getLocked().owner()) : null,
				categories(itunes, feed), fundings(podcast));
	}

	private static List<ShowCategory> categories(@Nullable FeedInformation itunes, SyndFeed feed) {
		List<ShowCategory> categories = new ArrayList<>();
		if (itunes != null) {
			for (Category category : itunes.getCategories()) {
				String name = trim(category.getName());
				if (name == null) {
					continue;
				}
				categories.add(new ShowCategory(name, null));
				for (Subcategory sub : category.getSubcategories()) {
					if (trim(sub.getName()) != null) {
						categories.add(new ShowCategory(sub.getName().trim(), name));
					}
				}
			}
		}
		if (categories.isEmpty()) {
			for (SyndCategory category : feed.getCategories()) {
				if (trim(category.getName()) != null) {
					categories.add(new ShowCategory(category.getName().trim(), null));
				}
			}
		}
		return categories.stream().distinct().toList();
	}

	private List<Funding> fundings(@Nullable PodcastChannel podcast) {
		List<Funding> fundings = new ArrayList<>();
		if (podcast != null) {
			for (dev.podsite.rome.Funding funding : podcast.getFundings()) {
				String url = webUrl(funding.url(), HostNotice.of("feed.what.funding"));
				if (url != null) {
					fundings.add(new Funding(url, trim(funding.text())));
				}
			}
		}
		return fundings;
	}

	private ImportedEpisode episode(SyndEntry entry, String notesBase) {
		EntryInformation itunes = (entry.getModule(ITunes.URI) instanceof EntryInformation info) ? info : null;
		PodcastItem podcast = (entry.getModule(Podcast.URI) instanceof PodcastItem item) ? item : null;

		String guid = null;
		boolean permalink = false;
		if (entry.getWireEntry() instanceof Item item) {
			Guid rssGuid = item.getGuid();
			if (rssGuid != null && trim(rssGuid.getValue()) != null) {
				guid = rssGuid.getValue();
				permalink = rssGuid.isPermaLink();
			}
		}
		else if (trim(entry.getUri()) != null) {
			guid = entry.getUri();
		}

		String title = firstText(entry.getTitle(), (itunes != null) ? itunes.getTitle() : null);
		String named = (title != null) ? title : "Untitled episode";
		String link = webUrl(entry.getLink(), HostNotice.of("feed.what.link", named));
		SyndEnclosure enclosure = enclosure(entry);
		String audioUrl = (enclosure != null) ? webUrl(enclosure.getUrl(), HostNotice.of("feed.what.audio", named))
				: null;
		Date date = (entry.getPublishedDate() != null) ? entry.getPublishedDate() : entry.getUpdatedDate();
		Instant publishedAt = (date != null) ? date.toInstant() : null;
		if (title == null) {
			title = "Untitled episode";
			this.warnings.add(HostNotice.of("feed.untitled", title,
					firstText(guid, audioUrl, link, String.valueOf(publishedAt))));
		}
		String identity = EpisodeIdentity.of(guid, audioUrl, link, title, publishedAt);
		if (guid == null) {
			// Re-published feeds need a guid; the identity is stable across imports.
			guid = identity;
		}

		ShowNotes notes = notes(notesSource(entry, itunes), notesBase, HostNotice.of("feed.what.notes", named));
		String chaptersUrl = (podcast != null && podcast.getChapters() != null)
				? webUrl(podcast.getChapters().url(), HostNotice.of("feed.what.chapters", named)) : null;
		ChaptersFile chaptersFile = (chaptersUrl != null)
				? new ChaptersFile(chaptersUrl, trim(podcast.getChapters().type())) : null;
		// In this order, the order of the run's warnings.
		String audioType = audioType(enclosure, audioUrl, title);
		Integer duration = duration(entry, named);
		EpisodeType episodeType = episodeType(itunes, title);
		String imageUrl = webUrl(itunesImage(itunes), HostNotice.of("feed.what.image", named));
		List<Transcript> transcripts = transcripts(podcast, named);
		List<Person> persons = persons((podcast != null) ? podcast.getPersons() : List.of(), named);
		EpisodeContent content = new EpisodeContent(title, EpisodeNotes.of(notes), audioUrl,
				(enclosure != null && enclosure.getLength() > 0) ? enclosure.getLength() : null, audioType, duration,
				publishedAt, (itunes != null) ? itunes.getSeason() : null,
				(itunes != null) ? itunes.getEpisode() : null, episodeType,
				(itunes != null) ? itunes.getExplicitNullable() : null, chaptersFile, transcripts, persons);
		return new ImportedEpisode(identity, guid, permalink, link, imageUrl, content,
				SimpleChapters.of(entry, named, this::webUrl, this.warnings));
	}

	private static @Nullable SyndEnclosure enclosure(SyndEntry entry) {
		return entry.getEnclosures()
			.stream()
			.filter((enclosure) -> trim(enclosure.getUrl()) != null)
			.findFirst()
			.orElse(null);
	}

	/** Apps need the type to play the file: an enclosure without one gets its URL's. */
	private @Nullable String audioType(@Nullable SyndEnclosure enclosure, @Nullable String audioUrl, String title) {
		if (audioUrl == null) {
			return null;
		}
		String type = trim(enclosure.getType());
		if (type == null) {
			type = MediaTypes.fromUrl(audioUrl);
			this.warnings.add(HostNotice.of("feed.audioType", title, type));
		}
		return type;
	}

	/** Notes cut to what the site keeps, with a warning when they were. */
	private ShowNotes notes(@Nullable String source, String notesBase, HostNotice what) {
		ShowNotes notes = ShowNotes.fromFeed(source, notesBase, this.maxNotesBytes);
		if (notes.cut() && source != null) {
			long size = ShowNotes.sizeInBytes(source);
			this.warnings.add((size > this.maxNotesBytes)
					? HostNotice.of("feed.notesCut.size", what, size(size), size(this.maxNotesBytes))
					: HostNotice.of("feed.notesCut.elements", what, ShowNotes.MAX_ELEMENTS));
		}
		return notes;
	}

	/** content:encoded first, then description, then itunes:summary. */
	private static @Nullable String notesSource(SyndEntry entry, @Nullable EntryInformation itunes) {
		for (SyndContent content : entry.getContents()) {
			if (trim(content.getValue()) != null) {
				return content.getValue();
			}
		}
		return firstText((entry.getDescription() != null) ? entry.getDescription().getValue() : null,
				(itunes != null) ? itunes.getSummary() : null);
	}

	/** Read from the text: Rome makes 0 of what it cannot read, and -5 of "-5". */
	private @Nullable Integer duration(SyndEntry entry, String named) {
		String text = trim(FeedReader.rawDuration(entry));
		if (text == null) {
			return null;
		}
		Integer seconds = Durations.parse(text);
		if (seconds == null) {
			this.warnings.add(HostNotice.of("feed.duration", named, shortened(text)));
		}
		return seconds;
	}

	private @Nullable EpisodeType episodeType(@Nullable EntryInformation itunes, String title) {
		String type = (itunes != null) ? trim(itunes.getEpisodeType()) : null;
		if (type == null) {
			return null;
		}
		EpisodeType known = EpisodeType.of(type).orElse(null);
		if (known == null) {
			this.warnings.add(HostNotice.of("feed.episodeType", title, type));
		}
		return known;
	}

	private List<Transcript> transcripts(@Nullable PodcastItem podcast, String named) {
		List<Transcript> transcripts = new ArrayList<>();
		if (podcast != null) {
			for (dev.podsite.rome.Transcript t : podcast.getTranscripts()) {
				String url = webUrl(t.url(), HostNotice.of("feed.what.transcript", named));
				if (url != null) {
					transcripts.add(new Transcript(url, trim(t.type()), trim(t.language()), trim(t.rel())));
				}
			}
		}
		return transcripts;
	}

	/** The credits of the show or an episode ({@code named}). */
	private List<Person> persons(List<dev.podsite.rome.Person> persons, @Nullable String named) {
		return persons.stream().map((p) -> {
			String name = p.name().trim();
			return new Person(name, lower(p.role()), lower(p.group()),
					webUrl(p.img(),
							(named != null) ? HostNotice.of("feed.what.personImage", name, named)
									: HostNotice.of("feed.what.showPersonImage", name)),
					webUrl(p.href(), (named != null) ? HostNotice.of("feed.what.personLink", name, named)
							: HostNotice.of("feed.what.showPersonLink", name)));
		}).toList();
	}

	/**
	 * Items without a usable date are placed right after the item before them in the feed
	 * (or before the one after them), so they neither jump to the top of the list nor get
	 * dropped; the same feed always gives the same dates.
	 */
	private List<ImportedEpisode> placeUndated(List<ImportedEpisode> episodes) {
		List<ImportedEpisode> placed = new ArrayList<>(episodes);
		for (int i = 0; i < placed.size(); i++) {
			ImportedEpisode episode = placed.get(i);
			if (episode.publishedAt() != null) {
				continue;
			}
			Instant date = neighbourDate(episodes, i);
			placed.set(i, episode.withPublishedAt(date));
			this.warnings.add((date != null) ? HostNotice.of("feed.undated.neighbour", episode.title(), date)
					: HostNotice.of("feed.undated.firstImport", episode.title()));
		}
		return placed;
	}

	private static @Nullable Instant neighbourDate(List<ImportedEpisode> episodes, int index) {
		for (int i = index - 1; i >= 0; i--) {
			if (episodes.get(i).publishedAt() != null) {
				return episodes.get(i).publishedAt().minusSeconds(index - i);
			}
		}
		for (int i = index + 1; i < episodes.size(); i++) {
			if (episodes.get(i).publishedAt() != null) {
				return episodes.get(i).publishedAt().plusSeconds(i - index);
			}
		}
		return null;
	}

	private static @Nullable String itunesImage(@Nullable ITunes itunes) {
		if (itunes == null) {
			return null;
		}
		return firstText(itunes.getImageUri(), (itunes.getImage() != null) ? itunes.getImage().toString() : null);
	}

	/**
	 * An address the pages may print into an href or src: resolved against the feed's
	 * address when relative, and kept only when it is http or https. Anything else
	 * (javascript:, data:, file:, an unparseable string) is dropped with a warning, so a
	 * hostile feed cannot put script into a link.
	 */
	private @Nullable String webUrl(@Nullable String text, HostNotice what) {
		String url = trim(text);
		if (url == null) {
			return null;
		}
		String web = WebAddresses.web(url, this.feedUrl);
		if (web == null) {
			boolean relative = !WebAddresses.hasScheme(url) && !url.startsWith("//");
			this.warnings.add(relative ? HostNotice.of("feed.dropped.relative", what, shortened(url), this.feedUrl)
					: HostNotice.of("feed.dropped.scheme", what, shortened(url)));
		}
		return web;
	}

	/** A size as a host reads it: "1 MB", "2.3 MB", "800 KB", "120 bytes". */
	private static HostNotice size(long bytes) {
		if (bytes >= 1024 * 1024) {
			return HostNotice.of("size.mb", decimal(bytes / (1024.0 * 1024)));
		}
		return (bytes >= 1024) ? HostNotice.of("size.kb", decimal(bytes / 1024.0))
				: HostNotice.of("size.bytes", bytes, Counts.form(bytes));
	}

	/** One decimal at most, said in the reader's language: 2.3 (2,3 in Romanian), 5. */
	private static Number decimal(double value) {
		double rounded = Math.round(value * 10) / 10.0;
		return (rounded == Math.rint(rounded)) ? (Number) (long) rounded : (Number) rounded;
	}

	private static String shortened(String text) {
		return (text.length() <= 80) ? text : text.substring(0, 79) + "…";
	}

	private static @Nullable String firstText(@Nullable String... candidates) {
		for (String candidate : candidates) {
			if (trim(candidate) != null) {
				return candidate.trim();
			}
		}
		return null;
	}

	private static @Nullable String trim(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static @Nullable String lower(@Nullable String text) {
		String trimmed = trim(text);
		return (trimmed != null) ? trimmed.toLowerCase(Locale.ROOT) : null;
	}

}
