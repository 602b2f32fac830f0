package dev.podsite.discovery;

import java.time.Duration;
import java.util.Optional;

import dev.podsite.support.DocumentFilter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
	FilterRegistrationBean<DocumentFilter> sitemapFilter(Sitemaps sitemaps) {
		FilterRegistrationBean<DocumentFilter> registration = new FilterRegistrationBean<>(
				new DocumentFilter("application/xml;charset=utf-8", SITEMAP_CACHE_CONTROL, sitemaps::get));
		registration.addUrlPatterns(Sitemaps.PATH, Sitemaps.PARTS + "*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setName("sitemap");
		return registration;
	}

	@Bean
	FilterRegistrationBean<DocumentFilter> robotsFilter(Robots robots) {
		FilterRegistrationBean<DocumentFilter> registration = new FilterRegistrationBean<>(
				new DocumentFilter("text/plain;charset=utf-8", ROBOTS_CACHE_CONTROL, () -> Optional.of(robots.get())));
		registration.addUrlPatterns(Robots.PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setName("robots");
		return registration;
	}

}
