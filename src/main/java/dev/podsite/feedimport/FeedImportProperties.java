package dev.podsite.feedimport;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Which feed the site imports, and how.
 *
 * @param url the show's feed: http, https or file URL
 * @param refresh how long to wait between two imports
 * @param schedule whether imports run on their own (tests turn this off)
 * @param maxBytes the largest feed body accepted, after decompression
 * @param allowPrivateAddresses whether the feed (or a redirect) may lead to a loopback,
 * private or other internal address; off except for local testing
 */
@ConfigurationProperties("podsite.feed")
public record FeedImportProperties(URI url, @DefaultValue("PT15M") Duration refresh,
		@DefaultValue("true") boolean schedule, @DefaultValue("50MB") DataSize maxBytes,
		@DefaultValue("false") boolean allowPrivateAddresses) {

	@ConstructorBinding
	public FeedImportProperties {
	}

	/** Private addresses refused, as by default. */
	public FeedImportProperties(URI url, Duration refresh, boolean schedule, DataSize maxBytes) {
		this(url, refresh, schedule, maxBytes, false);
	}

}
