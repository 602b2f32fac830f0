package dev.podsite.feedimport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the site subscribes to the WebSub hub the source feed declares.
 *
 * @param subscribe whether to subscribe at all (polling goes on either way)
 * @param lease how long a subscription is asked to last; it is renewed before its end
 * @param maxPushBytes the largest push (content distribution) body read; a larger one is
 * refused with 413
 */
@ConfigurationProperties("podsite.websub")
record WebSubSubscriptionProperties(@DefaultValue("true") boolean subscribe, @DefaultValue("P10D") Duration lease,
		@DefaultValue("10MB") DataSize maxPushBytes) {

}
