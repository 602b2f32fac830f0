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
 * @param maxItems the most items (episodes) a feed may list; a feed with more is refused
 * before it is read whole
 * @param maxElements the most XML elements (with comments and CDATA sections) a feed may
 * hold, as each takes memory when the feed is read; a feed with more is refused
 * @param maxNotesBytes the longest notes of an item (or description of the show) kept;
 * longer ones are cut, with a warning
 * @param importTimeout how long one import may take, from the fetch to the commit; an
 * import that takes longer is stopped and changes nothing
 * @param maxPages the most pages a paged feed (RFC 5005, atom:link rel="next") may be
 * split over; a feed with more is refused, as reading part of it would hide the episodes
 * of the pages left unread
 * @param maxTotalBytes the most bytes all pages of a paged feed may hold together, after
 * decompression; a feed with more is refused
 */
@ConfigurationProperties("podsite.feed")
public record FeedImportProperties(URI url, @DefaultValue("PT15M") Duration refresh,
		@DefaultValue("true") boolean schedule, @DefaultValue("50MB") DataSize maxBytes,
		@DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue("20000") int maxItems,
		@DefaultValue("1000000") int maxElements, @DefaultValue("1MB") DataSize maxNotesBytes,
		@DefaultValue("PT5M") Duration importTimeout, @DefaultValue("100") int maxPages,
		@DefaultValue("200MB") DataSize maxTotalBytes) {

	@ConstructorBinding
	public FeedImportProperties {
	}

	/** The default limits of a paged feed. */
	public FeedImportProperties(URI url, Duration refresh, boolean schedule, DataSize maxBytes,
			boolean allowPrivateAddresses, int maxItems, int maxElements, DataSize maxNotesBytes,
			Duration importTimeout) {
		this(url, refresh, schedule, maxBytes, allowPrivateAddresses, maxItems, maxElements, maxNotesBytes,
				importTimeout, 100, DataSize.ofMegabytes(200));
	}

	/** The default limits of a feed's items, elements, notes and time. */
	public FeedImportProperties(URI url, Duration refresh, boolean schedule, DataSize maxBytes,
			boolean allowPrivateAddresses) {
		this(url, refresh, schedule, maxBytes, allowPrivateAddresses, 20_000, 1_000_000, DataSize.ofMegabytes(1),
				Duration.ofMinutes(5), 100, DataSize.ofMegabytes(200));
	}

	/** Private addresses refused, as by default. */
	public FeedImportProperties(URI url, Duration refresh, boolean schedule, DataSize maxBytes) {
		this(url, refresh, schedule, maxBytes, false);
	}

}
