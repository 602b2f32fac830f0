package dev.podsite.feedpublish;

import dev.podsite.support.SiteContentChanged;

/**
 * Published when the host announces, or withdraws, a move of the site's feed, inside the
 * changing transaction: the feed is rendered again and every instance learns of it.
 */
record FeedMoveAnnounced() implements SiteContentChanged {

}
