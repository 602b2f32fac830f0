package dev.podsite.feedimport;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Which feed the site imports, and how.
 *
 * @param url the show's feed: http, https or file URL
 * @param refresh how long to wait between two imports
 * @param schedule whether imports run on their own (tests turn this off)
 * @param maxBytes the largest feed body accepted, after decompression
 */
@ConfigurationProperties("podsite.feed")
public record FeedImportProperties(URI url, @DefaultValue("PT15M") Duration refresh,
		@DefaultValue("true") boolean schedule, @DefaultValue("50MB") DataSize maxBytes) {

}
