package dev.podsite.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.podsite.discovery.SitemapWriter.Entry;
import dev.podsite.episode.EpisodeCatalog;
import dev.podsite.episode.PageStamp;
import dev.podsite.episode.People;
import dev.podsite.search.LinkPages;
import dev.podsite.show.CurrentShow;
import dev.podsite.show.Show;
import dev.podsite.support.ServedDocument;
import dev.podsite.support.ServedDocuments;
import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.SiteProperties;
import dev.podsite.support.UntilChanged;
import dev.podsite.support.UntilChanged.Expiring;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sitemap: every public page under its one address, with when what it shows last
 * changed. Rendered once per change of the show's data (a scheduled episode's time counts
 * as one) and served from memory in between. Past {@code podsite.sitemap.max-urls}
 * addresses, {@code /sitemap.xml} is an index of {@code /sitemaps/1.xml},
 * {@code /sitemaps/2.xml}…
 * <p>
 * The pages are those a visitor reaches by following the site's links from its home: the
 * show's, every page of the episode list and of the seasons and kinds it links to, every
 * published episode's (not drafts, scheduled, hidden or deleted ones), the people's list
 * and every page of each person's. An episode's page at a moment ({@code ?t=}) is the
 * episode's page; the feed, the admin and the sign-in form are no pages for search.
 */
@Component
class Sitemaps {

	static final String PATH = "/sitemap.xml";

	static final String PARTS = "/sitemaps/";

	private static final Logger log = LoggerFactory.getLogger(Sitemaps.class);

	private final CurrentShow show;

	private final EpisodeCatalog episodes;

	private final People people;

	private final LinkPages links;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SiteProperties site;

	private final int maxUrls;

	private final UntilChanged<Optional<Rendered>> rendered;

	Sitemaps(CurrentShow show, EpisodeCatalog episodes, People people, LinkPages links,
			PlatformTransactionManager transactionManager, Clock clock, SiteProperties site,
			SitemapProperties properties) {
		this.show = show;
		this.episodes = episodes;
		this.people = people;
		this.links = links;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		this.clock = clock;
		this.site = site;
		this.maxUrls = properties.maxUrls();
		this.rendered = new UntilChanged<>(clock);
	}

	/** The sitemap (or its index and parts), or empty while the site has no show yet. */
	Optional<Rendered> get() {
		return this.rendered.get(this::render);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forget(SiteContentChanged change) {
		this.rendered.invalidate();
	}

	private Expiring<Optional<Rendered>> render() {
		Optional<Show> current = this.show.get();
		if (current.isEmpty()) {
			return Expiring.never(Optional.empty());
		}
		return this.transactions.execute((status) -> {
			long started = System.nanoTime();
			Instant now = this.clock.instant();
			List<Entry> pages = pages(current.get(), now);
			Rendered sitemaps = render(pages);
			log.info("Rendered the sitemap: {} addresses in {} file(s), in {} ms", pages.size(),
					sitemaps.documents().size(), (System.nanoTime() - started) / 1_000_000);
			return new Expiring<>(Optional.of(sitemaps), this.episodes.nextPublicationAfter(now).orElse(null));
		});
	}

	/**
	 * The public pages, each under its one address (web's PageAddresses): the show's,
	 * then the episodes' and the people's as their module lists them.
	 */
	private List<Entry> pages(Show show, Instant now) {
		Instant showChanged = show.getUpdatedAt();
		List<PageStamp> episodePages = this.episodes.publicPages(now, showChanged);
		List<PageStamp> peoplePages = this.people.publicPages(showChanged);
		List<Entry> pages = new ArrayList<>(1 + episodePages.size() + peoplePages.size());
		// The show's page shows the newest episodes and the hosts.
		pages.add(entry("/", newest(showChanged, episodePages, peoplePages)));
		for (PageStamp page : episodePages) {
			pages.add(entry(page.path(), page.lastModified()));
		}
		for (PageStamp page : peoplePages) {
			pages.add(entry(page.path(), page.lastModified()));
		}
		// The links by site change with the episodes' notes.
		Instant linksChanged = newest(showChanged, episodePages);
		for (String path : this.links.paths()) {
			pages.add(entry(path, linksChanged));
		}
		return pages;
	}

	@SafeVarargs
	private static Instant newest(Instant showChanged, List<PageStamp>... pages) {
		Instant newest = showChanged;
		for (List<PageStamp> list : pages) {
			for (PageStamp page : list) {
				newest = latest(newest, page.lastModified());
			}
		}
		return newest;
	}

	private Rendered render(List<Entry> pages) {
		Instant newest = pages.stream().map(Entry::lastModified).max(Comparator.naturalOrder()).orElseThrow();
		Map<String, ServedDocument> documents = new LinkedHashMap<>();
		if (pages.size() <= this.maxUrls) {
			documents.put(PATH, ServedDocument.of(SitemapWriter.urlset(pages), newest));
			return new Rendered(documents);
		}
		List<Entry> parts = new ArrayList<>();
		for (int from = 0, part = 1; from < pages.size(); from += this.maxUrls, part++) {
			List<Entry> slice = pages.subList(from, Math.min(pages.size(), from + this.maxUrls));
			Instant modified = slice.stream().map(Entry::lastModified).max(Comparator.naturalOrder()).orElseThrow();
			String path = PARTS + part + ".xml";
			documents.put(path, ServedDocument.of(SitemapWriter.urlset(slice), modified));
			parts.add(entry(path, modified));
		}
		documents.put(PATH, ServedDocument.of(SitemapWriter.index(parts), newest));
		return new Rendered(documents);
	}

	private Entry entry(String path, Instant lastModified) {
		return new Entry(this.site.url(path), lastModified);
	}

	private static Instant latest(Instant a, @Nullable Instant b) {
		return (b == null || a.isAfter(b)) ? a : b;
	}

	/** The sitemap, or its index and parts, by path. */
	record Rendered(Map<String, ServedDocument> documents) implements ServedDocuments {

		@Override
		public @Nullable ServedDocument find(String path) {
			return this.documents.get(path);
		}

	}

}
