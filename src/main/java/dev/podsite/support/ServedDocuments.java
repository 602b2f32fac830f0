package dev.podsite.support;

import org.jspecify.annotations.Nullable;

/**
 * The documents a {@link DocumentFilter} serves, by their path within the site: one (the
 * feed) or several (a sitemap index and its sitemaps).
 */
@FunctionalInterface
public interface ServedDocuments {

	/** The document at {@code path}, e.g. {@code /sitemaps/2.xml}; null: none there. */
	@Nullable ServedDocument find(String path);

}
