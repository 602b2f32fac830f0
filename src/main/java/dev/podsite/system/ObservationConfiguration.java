package dev.podsite.system;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The timing of requests ({@code http.server.requests}, per URI pattern), placed after
 * the filters that answer from memory (the feed's, the sitemap's and the kept pages',
 * which run first): what it times is what the site renders (a page on a cache miss, the
 * host's pages, the dashboard), and a kept page or a 304 costs no observation. Boot's own
 * would run first.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

	/** After PublicPageCache (+10), before sessions and security. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> renderedRequestsObservation(ObservationRegistry registry) {
		FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(
				new ServerHttpObservationFilter(registry));
		registration.setOrder(ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

}
