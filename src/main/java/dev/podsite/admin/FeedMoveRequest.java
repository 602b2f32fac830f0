package dev.podsite.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The host's form to move the site's feed, read and checked: an absolute https address
 * that is not this site's own feed, and optionally the day from which /feed.xml redirects
 * there (a date as the browser's date field sends it, yyyy-MM-dd).
 *
 * @param newUrl the new address, when valid
 * @param redirectFrom the day the redirect starts, or null for none
 * @param errorKey the message key of what is wrong, or null when all is well
 */
record FeedMoveRequest(@Nullable URI newUrl, @Nullable LocalDate redirectFrom, @Nullable String errorKey) {

	static FeedMoveRequest read(@Nullable String newUrl, @Nullable String date, URI ownFeed) {
		URI url;
		try {
			url = new URI((newUrl != null) ? newUrl.strip() : "");
		}
		catch (URISyntaxException ex) {
			return invalid("admin.feedMove.error.address");
		}
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") || url.getHost() == null || url.getHost().isBlank()) {
			return invalid("admin.feedMove.error.address");
		}
		if (url.getHost().equalsIgnoreCase(ownFeed.getHost())
				&& url.normalize().getRawPath().equals(ownFeed.getRawPath())) {
			return invalid("admin.feedMove.error.ownFeed");
		}
		LocalDate from = null;
		if (date != null && !date.isBlank()) {
			try {
				from = LocalDate.parse(date.strip());
			}
			catch (DateTimeParseException ex) {
				return invalid("admin.feedMove.error.date");
			}
		}
		return new FeedMoveRequest(url, from, null);
	}

	/** The start of the redirect's day in the site's time zone. */
	java.time.@Nullable Instant redirectFromIn(ZoneId zone) {
		return (this.redirectFrom != null) ? this.redirectFrom.atStartOfDay(zone).toInstant() : null;
	}

	private static FeedMoveRequest invalid(String errorKey) {
		return new FeedMoveRequest(null, null, errorKey);
	}

}
