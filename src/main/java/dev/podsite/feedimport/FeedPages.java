package dev.podsite.feedimport;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import dev.podsite.support.Hashes;
import dev.podsite.feedpublish.FeedFinding;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * Reads a feed that splits its archive over pages (RFC 5005: the first page links the
 * next with {@code atom:link rel="next"}, as Podlove Publisher writes) to its last page:
 * later pages' items come after the earlier ones', an item whose guid an earlier page
 * listed is left out. Each page is fetched as the first one was, within the same limits.
 */
final class FeedPages {

	private FeedPages() {
	}

	/**
	 * The feed of the first page with the items of every page.
	 * @throws FeedImportException when the pages are more, or hold more bytes, than the
	 * limits allow: reading part of the feed would hide the episodes of the rest
	 */
	static FeedReader.ReadFeed readAll(FetchedFeed first, FeedReader.ReadFeed firstRead, FeedFetcher fetcher,
			FeedImportProperties properties, ImportBudget budget) throws FeedImportException {
		URI next = nextPage(firstRead, first.url());
		// A file is the operator's own copy of a feed: its pages on the web are not
		// fetched, as its moves are not followed.
		if (next == null || !FeedAddresses.isWeb(first.url())) {
			return firstRead;
		}
		List<SyndEntry> entries = new ArrayList<>(firstRead.feed().getEntries());
		// The kept elements of each item, in the entries' order (null when a page's could
		// not be matched to its items).
		List<@Nullable String> kept = new ArrayList<>(itemMarkup(firstRead));
		Set<String> guids = new HashSet<>();
		entries.forEach((entry) -> guids.add(entry.getUri()));
		List<HostNotice> warnings = new ArrayList<>(firstRead.warnings());
		List<FeedFinding> findings = new ArrayList<>(firstRead.findings());
		Set<String> seen = new HashSet<>();
		seen.add(first.url().normalize().toString());
		Map<String, URI> bodies = new HashMap<>();
		bodies.put(Hashes.sha256(first.body()), first.url());
		long totalBytes = first.body().length;
		int pages = 1;
		URI page = first.url();
		while (next != null) {
			if (!seen.add(next.normalize().toString())) {
				warnings.add(HostNotice.of("import.pages.loop", page, next));
				break;
			}
			if (pages >= properties.maxPages()) {
				throw new FeedImportException(
						HostNotice.of("import.pages.tooMany", first.url(), properties.maxPages()));
			}
			budget.check();
			FetchedFeed fetched = fetcher.fetchPage(next, budget);
			pages++;
			totalBytes += fetched.body().length;
			if (totalBytes > properties.maxTotalBytes().toBytes()) {
				throw new FeedImportException(HostNotice.of("import.pages.tooLarge", first.url(),
						FetchTarget.feed(properties.maxTotalBytes().toBytes()).maxSize()));
			}
			URI same = bodies.putIfAbsent(Hashes.sha256(fetched.body()), next);
			if (same != null) {
				warnings.add(HostNotice.of("import.pages.repeated", next, same));
				break;
			}
			FeedReader.ReadFeed read = FeedReader.parse(fetched, properties.maxItems(), properties.maxElements());
			List<@Nullable String> pageKept = itemMarkup(read);
			for (int i = 0; i < read.feed().getEntries().size(); i++) {
				SyndEntry entry = read.feed().getEntries().get(i);
				// Items without a guid are told apart later, by their other fields.
				if (entry.getUri() == null || guids.add(entry.getUri())) {
					entries.add(entry);
					kept.add(pageKept.get(i));
				}
			}
			if (entries.size() > properties.maxItems()) {
				throw new FeedImportException(
						HostNotice.of("feed.tooManyItems", first.url(), entries.size(), properties.maxItems()));
			}
			warnings.addAll(read.warnings());
			findings.addAll(read.findings());
			page = next;
			next = nextPage(read, fetched.url());
		}
		firstRead.feed().setEntries(entries);
		// The first page says where the hub is; every page's items may be flagged.
		ForeignMarkup foreign = new ForeignMarkup(firstRead.foreign().channel(), kept, List.of());
		return new FeedReader.ReadFeed(firstRead.feed(), foreign, warnings, findings, firstRead.hub());
	}

	/**
	 * Each entry's kept elements, or nulls when the page's could not be matched to them.
	 */
	private static List<@Nullable String> itemMarkup(FeedReader.ReadFeed read) {
		List<@Nullable String> items = read.foreign().items();
		if (items.size() == read.feed().getEntries().size()) {
			return items;
		}
		return new ArrayList<>(Collections.nCopies(read.feed().getEntries().size(), null));
	}

	/**
	 * The address of the next page: an Atom feed's link, or an RSS channel's
	 * {@code atom:link}, with {@code rel="next"}, resolved against the page's address.
	 */
	static @Nullable URI nextPage(FeedReader.ReadFeed read, URI base) {
		String href = null;
		for (SyndLink link : read.feed().getLinks()) {
			if ("next".equals(link.getRel()) && link.getHref() != null) {
				href = link.getHref();
				break;
			}
		}
		// In RSS, rome-modules reads the channel's atom:link elements into its Atom
		// module.
		if (href == null && read.feed().getModule(AtomLinkModule.URI) instanceof AtomLinkModule atom) {
			for (Link link : atom.getLinks()) {
				if ("next".equals(link.getRel()) && link.getHref() != null) {
					href = link.getHref();
					break;
				}
			}
		}
		if (href == null || href.isBlank()) {
			return null;
		}
		try {
			return base.resolve(href.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
