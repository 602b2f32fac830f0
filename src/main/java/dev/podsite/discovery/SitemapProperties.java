package dev.podsite.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sitemap.
 *
 * @param maxUrls the most addresses one sitemap lists; past it, {@code /sitemap.xml} is
 * an index of sitemaps that hold that many each (the protocol allows 50,000)
 */
@ConfigurationProperties("podsite.sitemap")
record SitemapProperties(@DefaultValue("50000") int maxUrls) {

	static final int PROTOCOL_LIMIT = 50_000;

	SitemapProperties {
		if (maxUrls < 1 || maxUrls > PROTOCOL_LIMIT) {
			throw new IllegalArgumentException(
					"podsite.sitemap.max-urls must be between 1 and " + PROTOCOL_LIMIT + ", not " + maxUrls);
		}
	}

}
