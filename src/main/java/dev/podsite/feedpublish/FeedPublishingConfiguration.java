package dev.podsite.feedpublish;

import dev.podsite.support.FilterValve;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeedPublishingConfiguration {

	/**
	 * In Tomcat's pipeline, before every filter: polls of the feed skip proxy headers,
	 * sessions and security.
	 */
	@Bean
	TomcatContextCustomizer feedBeforeTheFilters(PublishedFeed feed, FeedMoveAnnouncement move, MeterRegistry metrics) {
		return FilterValve.forPaths(new FeedFilter(feed::get, move::redirectNow, new FeedRequests(metrics)),
				"/feed.xml");
	}

}
