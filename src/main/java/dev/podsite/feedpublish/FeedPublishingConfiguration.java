package dev.podsite.feedpublish;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeedPublishingConfiguration {

	@Bean
	ServletRegistrationBean<FeedServlet> feedServlet(PublishedFeed feed) {
		ServletRegistrationBean<FeedServlet> registration = new ServletRegistrationBean<>(new FeedServlet(feed),
				"/feed.xml");
		registration.setName("feed");
		return registration;
	}

}
