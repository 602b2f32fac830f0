package dev.podsite.feedpublish;

import org.springframework.context.ApplicationContext;

/**
 * The feed an application serves, for tests in other packages.
 */
public final class PublishedFeeds {

	private PublishedFeeds() {
	}

	/**
	 * The rendered feed the site serves now: the same object until the site renders the
	 * feed again.
	 */
	public static Object current(ApplicationContext context) {
		return context.getBean(PublishedFeed.class).get().orElseThrow();
	}

}
