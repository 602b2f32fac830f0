package dev.podsite.support;

import java.time.ZoneId;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every part of the site needs to know about where and when it runs.
 *
 * @param baseUrl the site's public origin, for absolute links (the feed, share links)
 * @param timeZone the zone the host works in: the admin shows and reads dates in it; the
 * server's when unset
 * @param locale the language of the site's interface, whatever a listener's browser asks
 * for; unset, each listener gets the language their browser prefers among those the site
 * speaks (English when none)
 */
@ConfigurationProperties("podsite")
public record SiteProperties(@DefaultValue("http://localhost:8080") String baseUrl, ZoneId timeZone,
		@Nullable Locale locale) {

	public SiteProperties {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		// The binder passes null for an unset zone.
		timeZone = (timeZone != null) ? timeZone : ZoneId.systemDefault();
	}

	/** The absolute URL of a path of the site, e.g. {@code /feed.xml}. */
	public String url(String path) {
		return this.baseUrl + path;
	}

}
