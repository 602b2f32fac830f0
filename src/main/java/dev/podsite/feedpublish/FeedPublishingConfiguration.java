package dev.podsite.feedpublish;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class FeedPublishingConfiguration {

	/**
	 * Before every other filter but the trusted proxies' (first): polls of the feed skip
	 * sessions and security.
	 */
	@Bean
	FilterRegistrationBean<FeedFilter> feedFilter(PublishedFeed feed, FeedMoveAnnouncement move,
			MeterRegistry metrics) {
		FilterRegistrationBean<FeedFilter> registration = new FilterRegistrationBean<>(
				new FeedFilter(feed::get, move::redirectNow, new FeedRequests(metrics)));
		registration.addUrlPatterns("/feed.xml");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setName("feed");
		return registration;
	}

}
