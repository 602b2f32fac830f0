package dev.podsite.feedpublish;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeCatalog;
import dev.podsite.episode.People;
import dev.podsite.show.CurrentShow;
import dev.podsite.show.Show;
import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.SiteProperties;
import dev.podsite.support.UntilChanged;
import dev.podsite.support.UntilChanged.Expiring;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The re-published feed, rendered once per change of the show's data and served from
 * memory in between. A scheduled episode's time counts as a change.
 */
@Component
class PublishedFeed {

	private static final Logger log = LoggerFactory.getLogger(PublishedFeed.class);

	private final CurrentShow show;

	private final EpisodeCatalog episodes;

	private final People people;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final FeedRenderer renderer;

	private final UntilChanged<Optional<RenderedFeed>> rendered;

	private final FeedMoveAnnouncement move;

	PublishedFeed(CurrentShow show, EpisodeCatalog episodes, People people,
			PlatformTransactionManager transactionManager, Clock clock, SiteProperties site, FeedMoveAnnouncement move,
			WebSubProperties websub) {
		this.move = move;
		this.show = show;
		this.episodes = episodes;
		this.people = people;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		this.clock = clock;
		this.renderer = new FeedRenderer(site.baseUrl(), (websub.hub() != null) ? websub.hub().toString() : null);
		this.rendered = new UntilChanged<>(clock);
	}

	/** The feed, or empty while the site has no show yet. */
	Optional<RenderedFeed> get() {
		return this.rendered.get(this::render);
	}

	// Before the hub hears of the change (HubNotifier).
	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void forget(SiteContentChanged change) {
		this.rendered.invalidate();
	}

	private Expiring<Optional<RenderedFeed>> render() {
		Optional<Show> current = this.show.get();
		if (current.isEmpty()) {
			return Expiring.never(Optional.empty());
		}
		return this.transactions.execute((status) -> {
			long started = System.nanoTime();
			Instant now = this.clock.instant();
			List<Episode> published = this.episodes.publishedWithAudio(now);
			Instant lastChange = latest(current.get().getUpdatedAt(), this.episodes.lastUpdate().orElse(null));
			RenderedFeed feed = RenderedFeed.of(
					this.renderer.render(current.get(), this.people.ofShow(current.get().getId()), published,
							this.episodes.foreignMarkup(published), lastChange,
							this.move.current().map(FeedMoveAnnouncement.Announced::newUrl).orElse(null)),
					lastChange, published.size());
			log.info("Rendered the feed: {} items, {} KB ({} KB gzipped) in {} ms", feed.items(),
					feed.xml().length / 1024, feed.gzipped().length / 1024, (System.nanoTime() - started) / 1_000_000);
			return new Expiring<>(Optional.of(feed), this.episodes.nextPublicationAfter(now).orElse(null));
		});
	}

	private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
