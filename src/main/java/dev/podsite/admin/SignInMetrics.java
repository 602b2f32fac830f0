package dev.podsite.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.stereotype.Component;

/**
 * {@code podsite.sign.in.failures}: sign-ins that failed, by a wrong name or password
 * ({@code reason=bad_credentials}) or refused by the throttle before the password was
 * checked ({@code reason=throttled}). A rising count is someone guessing.
 */
@Component
class SignInMetrics {

	private final Counter badCredentials;

	private final Counter throttled;

	SignInMetrics(MeterRegistry registry) {
		this.badCredentials = counter(registry, "bad_credentials");
		this.throttled = counter(registry, "throttled");
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent failure) {
		(failure instanceof AuthenticationFailureLockedEvent ? this.throttled : this.badCredentials).increment();
	}

	private static Counter counter(MeterRegistry registry, String reason) {
		return Counter.builder("podsite.sign.in.failures")
			.description("Sign-ins that failed")
			.tag("reason", reason)
			.register(registry);
	}

}
