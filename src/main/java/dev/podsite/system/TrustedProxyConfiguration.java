package dev.podsite.system;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The client's address and scheme from trusted proxies only. Tomcat's own handling
 * ({@code server.forward-headers-strategy=native}) believes any private address, and
 * turns itself on in Kubernetes: application.properties turns it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyProperties.class)
class TrustedProxyConfiguration {

	/** First of all filters: the feed's, the pages', sessions' and security's read it. */
	@Bean
	FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(ProxyProperties properties) {
		FilterRegistrationBean<TrustedProxyFilter> registration = new FilterRegistrationBean<>(
				new TrustedProxyFilter(new TrustedProxies(properties.trustedProxies())));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		registration.setName("trustedProxy");
		return registration;
	}

}
