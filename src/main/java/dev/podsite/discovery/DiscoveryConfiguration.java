package dev.podsite.discovery;

import java.time.Duration;
import java.util.Optional;

import dev.podsite.support.DocumentFilter;
import dev.podsite.support.FilterValve;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;

/**
 * The sitemap and robots.txt, served like the feed: from memory, before sessions and
 * security, with ETags and 304s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SitemapProperties.class)
class DiscoveryConfiguration {

	// Crawlers come back when they like; an hour keeps a new episode from waiting long.
	private static final String SITEMAP_CACHE_CONTROL = CacheControl.maxAge(Duration.ofHours(1))
		.cachePublic()
		.getHeaderValue();

	private static final String ROBOTS_CACHE_CONTROL = CacheControl.maxAge(Duration.ofDays(1))
		.cachePublic()
		.getHeaderValue();

	@Bean
	TomcatContextCustomizer sitemapBeforeTheFilters(Sitemaps sitemaps) {
		return FilterValve.forPaths(
				new DocumentFilter("application/xml;charset=utf-8", SITEMAP_CACHE_CONTROL, sitemaps::get),
				Sitemaps.PATH, Sitemaps.PARTS + "*");
	}

	@Bean
	TomcatContextCustomizer robotsBeforeTheFilters(Robots robots) {
		return FilterValve.forPaths(
				new DocumentFilter("text/plain;charset=utf-8", ROBOTS_CACHE_CONTROL, () -> Optional.of(robots.get())),
				Robots.PATH);
	}

}
