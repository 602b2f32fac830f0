package dev.podsite.feedimport;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How the site backs off a feed that keeps failing.
 *
 * @param failures imports that failed in a row
 * @param nextAttemptAt no scheduled import before then; null when not backing off
 */
public record ImportBackoff(int failures, @Nullable Instant nextAttemptAt) {

}
