package dev.podsite.support;

/**
 * What a module announces when something listeners see changed (the show, an episode),
 * here or on another instance of the site. Whatever keeps a copy (the show, rendered
 * pages, the feed) listens for it once the change is committed and drops the copy.
 */
public interface SiteContentChanged {

	/** A change another instance made, learnt from the shared data version. */
	record OnAnotherInstance(long version) implements SiteContentChanged {
	}

}
