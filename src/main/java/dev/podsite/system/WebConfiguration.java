package dev.podsite.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP caching of the public pages: an ETag of each page, so a browser or a cache that
 * revalidates gets a 304 without the page again. Anonymous visitors' pages may be stored
 * and revalidated ({@code no-cache}); the host's pages (with a sign-out form) are not
 * stored at all, as Spring Security sets by default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private static final String[] PUBLIC_PAGES = { "/", "/episodes", "/episodes/*" };

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> publicPageEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns(PUBLIC_PAGES);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (request.getUserPrincipal() == null) {
					response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
				}
				return true;
			}

		}).addPathPatterns(PUBLIC_PAGES);
	}

}
