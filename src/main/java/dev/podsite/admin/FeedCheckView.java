package dev.podsite.admin;

import java.util.List;

import dev.podsite.feedpublish.FeedFinding;
import org.jspecify.annotations.Nullable;

/**
 * One checked feed on the dashboard.
 *
 * @param id the id of its heading
 * @param titleKey the message key of its heading
 * @param findings what the check found, null when it has not been checked yet
 */
record FeedCheckView(String id, String titleKey, @Nullable List<FeedFinding> findings) {

}
