package dev.podsite.show;

import java.time.Clock;
import java.util.Optional;

import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.UntilChanged;
import dev.podsite.support.UntilChanged.Expiring;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The show every page shows, kept in memory between changes: it is read on every request
 * and changes a few times a day at most.
 */
@Service
public class CurrentShow {

	private final ShowRepository shows;

	private final UntilChanged<Optional<Show>> current;

	CurrentShow(ShowRepository shows, Clock clock) {
		this.shows = shows;
		this.current = new UntilChanged<>(clock);
	}

	public Optional<Show> get() {
		return this.current.get(() -> Expiring.never(this.shows.findCurrent()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forget(SiteContentChanged change) {
		this.current.invalidate();
	}

}
