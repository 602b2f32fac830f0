package dev.podsite.web;

import java.time.Clock;

import dev.podsite.episode.EpisodeCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import org.thymeleaf.ITemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The public pages kept in memory between changes (PublicPageCache), each with an ETag,
 * so a browser or a cache that revalidates gets a 304 without the page again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageCacheProperties.class)
class PublicPageCaching {

	@Bean
	PublicPageCache publicPageCache(EpisodeCatalog episodes, Clock clock, PageCacheProperties properties,
			InterfaceLanguage language, MeterRegistry metrics) {
		return new PublicPageCache(episodes, clock, properties, language, metrics);
	}

	/**
	 * First after the trusted proxies' filter, before sessions and security: renders and
	 * keeps what the valve found no kept page for, and redirects other spellings of a
	 * page.
	 */
	@Bean
	FilterRegistrationBean<PublicPageCache> publicPageCacheRegistration(PublicPageCache cache) {
		FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(cache);
		registration.addUrlPatterns(PublicPageCache.PUBLIC_PAGES);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	HostKeptPages hostKeptPages(PublicPageCache cache, ITemplateEngine templates) {
		return new HostKeptPages(cache, templates);
	}

	/**
	 * Right after the security filters: the host's pages from the kept ones, once they
	 * have read the host's session.
	 */
	@Bean
	FilterRegistrationBean<HostKeptPages> hostKeptPagesRegistration(HostKeptPages hostPages,
			ObjectProvider<SecurityFilterProperties> security) {
		FilterRegistrationBean<HostKeptPages> registration = new FilterRegistrationBean<>(hostPages);
		registration.addUrlPatterns(PublicPageCache.PUBLIC_PAGES);
		registration.setOrder(security.getIfAvailable(SecurityFilterProperties::new).getOrder() + 1);
		return registration;
	}

	/** Kept pages answered before the filter chain is even built (KeptPageValve). */
	@Bean
	TomcatContextCustomizer keptPagesBeforeTheFilters(PublicPageCache cache) {
		return (context) -> context.getPipeline().addValve(new KeptPageValve(cache));
	}

}
