package dev.podsite.feedimport;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.podsite.feedimport.WebSubSubscriptions.HubLink;
import dev.podsite.feedimport.WebSubSubscriptions.Subscription;
import dev.podsite.support.HostNotice;
import dev.podsite.support.SiteProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Subscribes to the WebSub hub the source feed declares, so a new episode is imported
 * within seconds of the hub's push instead of at the next poll; polling goes on as the
 * fallback. Subscribes only when the site's base URL is public (a hub could not reach a
 * localhost callback), and renews before the lease ends.
 */
@Component
class WebSubSubscriber implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebSubSubscriber.class);

	/** A pending request the hub never verified is asked again after this. */
	private static final Duration VERIFICATION_WAIT = Duration.ofHours(1);

	/** Bursts of pushes make one import, this long after the first. */
	private static final Duration PUSH_DELAY = Duration.ofSeconds(1);

	/** While another import runs, a pushed import waits this long and tries again. */
	private static final Duration LOCK_RETRY = Duration.ofSeconds(5);

	private static final int LOCK_ATTEMPTS = 60;

	private final WebSubSubscriptions subscriptions;

	private final FeedState state;

	private final FeedImporter importer;

	private final WebSubSubscriptionProperties properties;

	private final FeedImportProperties feed;

	private final SiteProperties site;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "websub-import");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean importPending = new AtomicBoolean();

	WebSubSubscriber(WebSubSubscriptions subscriptions, FeedState state, FeedImporter importer,
			WebSubSubscriptionProperties properties, FeedImportProperties feed, SiteProperties site, Clock clock) {
		this.subscriptions = subscriptions;
		this.state = state;
		this.importer = importer;
		this.properties = properties;
		this.feed = feed;
		this.site = site;
		this.clock = clock;
	}

	/**
	 * Subscribes when the source feed declares a hub and no subscription to it is pending
	 * or lasts past the next half of its lease; called on a timer and after imports.
	 */
	synchronized void ensureSubscribed() {
		if (!this.properties.subscribe()) {
			return;
		}
		Optional<HubLink> link = this.state.sourceHub();
		if (link.isEmpty()) {
			return;
		}
		if (!isPublic(this.site.baseUrl())) {
			log.debug("Not subscribing to the WebSub hub {}: the site's base URL {} is not public", link.get().hub(),
					this.site.baseUrl());
			return;
		}
		Instant now = this.clock.instant();
		Optional<Subscription> current = this.subscriptions.current(link.get());
		if (current.isPresent() && !due(current.get(), now)) {
			return;
		}
		subscribe(link.get(), now);
		// A renewal takes a new callback; the hub lets the old one lapse with its lease.
		this.subscriptions.forgetOlderThan(now.minus(this.properties.lease().multipliedBy(2)));
	}

	private boolean due(Subscription subscription, Instant now) {
		if (subscription.pending()) {
			return subscription.requestedAt().plus(VERIFICATION_WAIT).isBefore(now);
		}
		Instant verified = subscription.verifiedAt();
		Instant expires = subscription.expiresAt();
		if (verified == null || expires == null) {
			return true;
		}
		// Renew once half the lease the hub granted has passed.
		Instant halfway = verified.plus(Duration.between(verified, expires).dividedBy(2));
		return !now.isBefore(halfway);
	}

	private void subscribe(HubLink link, Instant now) {
		try {
			new PrivateAddressGuard(this.feed.allowPrivateAddresses()).check(URI.create(link.hub()),
					HostNotice.of("websub.hub", link.hub()));
		}
		catch (FeedImportException | IllegalArgumentException ex) {
			log.warn("Not subscribing to the WebSub hub {}: its address is not public", link.hub());
			return;
		}
		String callbackId = token(24);
		String secret = token(32);
		this.subscriptions.requested(callbackId, link, secret, now);
		Map<String, String> form = Map.of("hub.mode", "subscribe", "hub.topic", link.topic(), "hub.callback",
				this.site.url("/websub/callback/" + callbackId), "hub.secret", secret, "hub.lease_seconds",
				String.valueOf(this.properties.lease().toSeconds()));
		String body = form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		try {
			int status = this.http
				.send(HttpRequest.newBuilder(URI.create(link.hub()))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
			if (status >= 200 && status < 300) {
				log.info("Asked the WebSub hub {} for pushes of {}; waiting for its verification", link.hub(),
						link.topic());
			}
			else {
				log.warn("The WebSub hub {} refused our subscription to {} ({}); polling goes on", link.hub(),
						link.topic(), status);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.warn("The WebSub hub {} could not be asked for pushes of {} ({}); polling goes on, asking again later",
					link.hub(), link.topic(), ex.toString());
		}
	}

	/**
	 * The hub's verification of intent: confirms a pending subscription of ours to that
	 * topic, else refuses.
	 * @return the challenge to echo, or empty when the request names no subscription of
	 * ours
	 */
	Optional<String> verify(String callbackId, @Nullable String mode, @Nullable String topic,
			@Nullable String challenge, @Nullable String leaseSeconds) {
		Optional<Subscription> subscription = this.subscriptions.find(callbackId);
		if (subscription.isEmpty() || topic == null || !topic.equals(subscription.get().link().topic())) {
			return Optional.empty();
		}
		if ("denied".equals(mode)) {
			log.warn("The WebSub hub {} denied our subscription to {}; polling goes on",
					subscription.get().link().hub(), topic);
			this.subscriptions.denied(callbackId);
			return Optional.of("");
		}
		if (!"subscribe".equals(mode) || challenge == null || challenge.isEmpty() || challenge.length() > 512
				|| !subscription.get().pending() && !subscription.get().active()) {
			return Optional.empty();
		}
		long lease = parseLease(leaseSeconds);
		Instant now = this.clock.instant();
		this.subscriptions.verified(callbackId, now, now.plusSeconds(lease));
		log.info("The WebSub hub {} confirmed our subscription to {} for {} s", subscription.get().link().hub(), topic,
				lease);
		return Optional.of(challenge);
	}

	private long parseLease(@Nullable String leaseSeconds) {
		if (leaseSeconds != null && leaseSeconds.matches("[0-9]{1,9}")) {
			return Long.parseLong(leaseSeconds);
		}
		return this.properties.lease().toSeconds();
	}

	/** The secret of an active or pending subscription with that callback id. */
	Optional<String> secret(String callbackId) {
		return this.subscriptions.find(callbackId)
			.filter((subscription) -> subscription.active() || subscription.pending())
			.map(Subscription::secret);
	}

	/**
	 * A signed push arrived: imports soon, once for a burst, never beside another import
	 * (the importer's cluster-wide lock), and again after one that was running.
	 */
	void pushed() {
		if (this.importPending.compareAndSet(false, true)) {
			this.executor.schedule(() -> importPushed(1), PUSH_DELAY.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void importPushed(int attempt) {
		if (attempt == 1) {
			this.importPending.set(false);
		}
		try {
			if (this.importer.importPushed().isEmpty() && attempt < LOCK_ATTEMPTS) {
				this.executor.schedule(() -> importPushed(attempt + 1), LOCK_RETRY.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (RuntimeException ex) {
			log.warn("The import the WebSub hub asked for failed; polling goes on", ex);
		}
	}

	/**
	 * Whether hubs on the internet can reach the site's base URL: not localhost, a
	 * private or loopback address, or a name only a local network knows. Names are not
	 * resolved.
	 */
	static boolean isPublic(String baseUrl) {
		URI uri;
		try {
			uri = URI.create(baseUrl);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		String host = uri.getHost();
		if (host == null || uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
			return false;
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.startsWith("[") || host.matches("[0-9.]+")) {
			try {
				InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", ""));
				return PrivateAddressGuard.internalKind(address) == null;
			}
			catch (java.net.UnknownHostException ex) {
				return false;
			}
		}
		return host.contains(".") && !host.endsWith(".localhost") && !host.endsWith(".local")
				&& !host.endsWith(".internal") && !host.endsWith(".lan") && !host.endsWith(".home.arpa");
	}

	private String token(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
