package dev.podsite.feedimport;

import java.time.Instant;

/**
 * The feed's source moved it for good, and the importer follows: from {@code from} to
 * {@code to}, since {@code at}.
 *
 * @param from the address before the move, kept for reference
 * @param to where the importer fetches the feed now
 * @param at when the importer learnt of the move
 * @param reason how the source said so: "new-feed-url" (itunes:new-feed-url), "301" or
 * "308" (an HTTP permanent redirect)
 */
public record FeedMove(String from, String to, Instant at, String reason) {

	static final String NEW_FEED_URL = "new-feed-url";

}
