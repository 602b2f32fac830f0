package dev.podsite.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.podsite.episode.EpisodeCatalog;
import dev.podsite.show.CurrentShow;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Caching of the public pages: kept in memory between changes (PublicPageCache), each
 * with an ETag, so a browser or a cache that revalidates gets a 304 without the page
 * again. Anonymous visitors' pages may be stored and revalidated ({@code no-cache}); the
 * host's pages (with a sign-out form) are not stored at all, as Spring Security sets by
 * default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private static final String[] PUBLIC_PAGES = { "/", "/episodes", "/episodes/*" };

	@Bean
	PublicPageCache publicPageCache(EpisodeCatalog episodes, CurrentShow show, Clock clock) {
		return new PublicPageCache(episodes, show, clock);
	}

	/**
	 * Right after the feed's filter, before sessions and security: kept pages need
	 * neither.
	 */
	@Bean
	FilterRegistrationBean<PublicPageCache> publicPageCacheRegistration(PublicPageCache cache) {
		FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(cache);
		registration.addUrlPatterns(PUBLIC_PAGES);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
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
