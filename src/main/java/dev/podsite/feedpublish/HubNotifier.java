package dev.podsite.feedpublish;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.SiteProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the WebSub hub (when one is configured) that the feed changed: a form-encoded
 * {@code hub.mode=publish} with the feed's URL, on a thread of its own after the change
 * was committed, so no request waits for the hub. Changes in quick succession make one
 * notification; a feed that renders to the same bytes makes none. A scheduled episode's
 * time changes the feed with no change of the data: the notifier looks every
 * {@code podsite.websub.release-check} whether the feed's ETag moved, and tells the hub
 * then. Every instance sees that moment, so the hub may hear of it once per instance,
 * which WebSub takes in its stride. A hub that fails is asked again later, a few times;
 * polling remains for apps that miss it.
 */
@Component
class HubNotifier implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(HubNotifier.class);

	// By default 10 s, 30 s, 1.5 min, 4.5 min, 13.5 min: a hub down for a deploy is
	// caught, one gone for good is not asked all day.
	private static final int RETRY_FACTOR = 3;

	static final int ATTEMPTS = 6;

	private final Duration firstRetry;

	private final @Nullable URI hub;

	private final String topic;

	private final Duration delay;

	private final PublishedFeed feed;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "websub-publish");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	private volatile @Nullable String notifiedEtag;

	/** The feed's ETag at the last look for a scheduled release; null: look afresh. */
	private volatile @Nullable String seenEtag;

	HubNotifier(WebSubProperties properties, SiteProperties site, PublishedFeed feed) {
		this.hub = properties.hub();
		this.topic = site.url("/feed.xml");
		this.delay = properties.notifyDelay();
		this.firstRetry = properties.firstRetry();
		this.feed = feed;
		if (this.hub != null) {
			long every = properties.releaseCheck().toMillis();
			this.executor.scheduleWithFixedDelay(this::lookForRelease, every, every, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * After the feed forgot its copy (ordered last). A change another instance made is
	 * announced by that instance.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void feedMayHaveChanged(SiteContentChanged change) {
		if (this.hub == null) {
			return;
		}
		// Not a release: the next look takes the changed feed as it finds it.
		this.seenEtag = null;
		if (change instanceof SiteContentChanged.OnAnotherInstance) {
			// That instance announces its change. The hub last heard of its feed, so
			// the bytes this one announced before are news again.
			this.notifiedEtag = null;
		}
		else {
			notifySoon();
		}
	}

	/**
	 * Compares the feed's ETag with the one at the last look: the feed re-renders by
	 * itself once a scheduled episode's time passed ({@link PublishedFeed}), so a new
	 * ETag with no change announced means a release.
	 */
	void lookForRelease() {
		Optional<RenderedFeed> current;
		try {
			current = this.feed.get();
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for a scheduled episode's release: the feed could not be rendered", ex);
			return;
		}
		if (current.isEmpty()) {
			return;
		}
		String etag = current.get().etag();
		String seen = this.seenEtag;
		this.seenEtag = etag;
		if (seen != null && !seen.equals(etag)) {
			notifySoon();
		}
	}

	private void notifySoon() {
		if (this.pending.compareAndSet(false, true)) {
			this.executor.schedule(() -> notifyHub(1), this.delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void notifyHub(int attempt) {
		if (attempt == 1) {
			// A change from now on schedules another notification.
			this.pending.set(false);
		}
		Optional<RenderedFeed> current;
		try {
			current = this.feed.get();
		}
		catch (RuntimeException ex) {
			log.warn("The WebSub hub was not notified: the feed could not be rendered", ex);
			return;
		}
		if (current.isEmpty() || current.get().etag().equals(this.notifiedEtag)) {
			return;
		}
		String etag = current.get().etag();
		String failure = publish();
		if (failure == null) {
			this.notifiedEtag = etag;
			log.info("Notified the WebSub hub {} of a change of {}", this.hub, this.topic);
		}
		else if (attempt < ATTEMPTS) {
			Duration wait = this.firstRetry.multipliedBy((long) Math.pow(RETRY_FACTOR, attempt - 1));
			log.warn(
					"The WebSub hub {} was not notified of a change of {} ({}); asking again in {} s (attempt {} of {})",
					this.hub, this.topic, failure, wait.toSeconds(), attempt, ATTEMPTS);
			this.executor.schedule(() -> notifyHub(attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		else {
			log.warn("The WebSub hub {} was not notified of a change of {} ({}); giving up after {} attempts, "
					+ "subscribers will see it at their next poll", this.hub, this.topic, failure, ATTEMPTS);
		}
	}

	/**
	 * @return null when the hub accepted, else why not
	 */
	private @Nullable String publish() {
		String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(this.topic, StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(this.hub)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return (status >= 200 && status < 300) ? null : "it answered " + status;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		catch (Exception ex) {
			return ex.toString();
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
