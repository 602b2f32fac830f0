package dev.podsite.show;

import java.time.Clock;
import java.util.Optional;

import dev.podsite.show.UntilShowChanges.Expiring;

import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Service;

/**
 * The show every page shows, kept in memory between changes: it is read on every request
 * and changes a few times a day at most.
 */
@Service
public class CurrentShow {

	private final ShowRepository shows;

	private final UntilShowChanges<Optional<Show>> current;

	CurrentShow(ShowRepository shows, Clock clock) {
		this.shows = shows;
		this.current = new UntilShowChanges<>(clock);
	}

	public Optional<Show> get() {
		return this.current.get(() -> Expiring.never(this.shows.findCurrent()));
	}

	@TransactionalEventListener(classes = ShowChanged.class, fallbackExecution = true)
	void forget() {
		this.current.invalidate();
	}

}
