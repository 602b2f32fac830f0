package dev.podsite.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.podsite.support.SiteProperties;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP caching of the public pages: anonymous visitors' pages may be stored and
 * revalidated ({@code no-cache}, with the ETag of PublicPageCache); the host's pages
 * (with a sign-out form) are not stored at all, as Spring Security sets by default. Pages
 * speak the listener's language (InterfaceLanguage): unless {@code podsite.locale} fixes
 * it, they vary by Accept-Language, and caches are told so. Each public page gets its
 * head's metadata (PageMetadata).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final SiteProperties site;

	private final MessageSource messages;

	private final InterfaceLanguage language;

	WebConfiguration(SiteProperties site, MessageSource messages) {
		this.site = site;
		this.messages = messages;
		this.language = new InterfaceLanguage(site.locale());
	}

	/** The name Spring MVC looks the resolver up by. */
	@Bean
	InterfaceLanguage localeResolver() {
		return this.language;
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

		}).addPathPatterns(PublicPageCache.PUBLIC_PAGES);
		registry.addInterceptor(new PageMetadata(this.site, this.messages))
			.addPathPatterns(PublicPageCache.PUBLIC_PAGES);
		if (this.language.variesByRequest()) {
			// Every page, error pages too; the feed and the files are the same in every
			// language.
			registry.addInterceptor(new HandlerInterceptor() {

				@Override
				public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
					if (!response.getHeaders(HttpHeaders.VARY).contains(HttpHeaders.ACCEPT_LANGUAGE)) {
						response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
					}
					return true;
				}

			}).excludePathPatterns("/assets/**", "/feed.xml", "/episodes/*/*");
		}
	}

}
