package dev.podsite.show;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * "show" in the readiness probe: up once the site has a show to serve, the imported one
 * or the bundled demo snapshot. Before the first import a load balancer sends listeners
 * to an instance that has one; without a database it is down too.
 */
@Component
class ShowHealthIndicator extends AbstractHealthIndicator {

	private final ShowStore shows;

	ShowHealthIndicator(ShowStore shows) {
		super("The site could not tell whether it has a show to serve");
		this.shows = shows;
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		if (this.shows.hasShow()) {
			health.up();
		}
		else {
			health.down().withDetail("reason", "nothing has been imported yet");
		}
	}

}
