package dev.podsite.feedpublish;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebSub hub our feed names, so podcast apps learn of a change when it happens rather
 * than at their next poll.
 *
 * @param hub the hub's address; unset, the feed names no hub and the site notifies none
 * @param notifyDelay how long after a change the hub hears of it: changes within it (an
 * import touching many episodes) make one notification
 * @param releaseCheck how often the site looks whether a scheduled episode's time came,
 * which changes the feed without any change of the data
 * @param firstRetry how long after a failed notification the hub is asked again; each
 * later wait is three times the one before
 */
@ConfigurationProperties("podsite.websub")
record WebSubProperties(@Nullable URI hub, @DefaultValue("PT2S") Duration notifyDelay,
		@DefaultValue("PT30S") Duration releaseCheck, @DefaultValue("PT10S") Duration firstRetry) {

}
