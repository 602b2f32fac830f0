package dev.podsite.show;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The show every page shows, kept in memory between changes: it is read on every request
 * and changes a few times a day at most.
 */
@Service
public class CurrentShow {

	private final ShowRepository shows;

	private volatile Optional<Show> current;

	// Counts changes, so a read that raced with a change is not kept.
	private final AtomicLong changes = new AtomicLong();

	CurrentShow(ShowRepository shows) {
		this.shows = shows;
	}

	public Optional<Show> get() {
		Optional<Show> show = this.current;
		if (show == null) {
			long before = this.changes.get();
			show = this.shows.findCurrent();
			synchronized (this) {
				if (this.changes.get() == before) {
					this.current = show;
				}
			}
		}
		return show;
	}

	@EventListener(ShowChanged.class)
	void forget() {
		synchronized (this) {
			this.changes.incrementAndGet();
			this.current = null;
		}
	}

}
