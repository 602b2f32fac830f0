package dev.podsite.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import dev.podsite.support.ServedDocument;
import dev.podsite.support.SiteProperties;

import org.springframework.stereotype.Component;

/**
 * {@code /robots.txt}: crawlers may read every public page, not the host's admin or the
 * sign-in form, and find the sitemap at its absolute address (the protocol asks for one).
 * It depends on the configuration alone, so it is written once.
 */
@Component
class Robots {

	static final String PATH = "/robots.txt";

	private final ServedDocument document;

	Robots(SiteProperties site, Clock clock) {
		String text = """
				User-agent: *
				Disallow: /admin
				Disallow: /login

				Sitemap: %s
				""".formatted(site.url(Sitemaps.PATH));
		this.document = ServedDocument.of(text.getBytes(StandardCharsets.UTF_8), clock.instant());
	}

	ServedDocument get() {
		return this.document;
	}

}
