package dev.podsite.admin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's last access moves in steps of a minute: requests within the minute leave it
 * (and so the stored row) alone, the first one after moves it.
 */
class CoarseAccessSessionsTests {

	private final MapSession stored = new MapSession();

	private final CoarseAccessSessions.Coarse<MapSession> session = new CoarseAccessSessions.Coarse<>(this.stored,
			Duration.ofMinutes(1));

	@Test
	void aRequestWithinTheStepLeavesTheLastAccessAlone() {
		Instant signedIn = Instant.parse("2026-12-01T10:00:00Z");
		this.stored.setLastAccessedTime(signedIn);
		this.session.setLastAccessedTime(signedIn.plusSeconds(59));
		assertThat(this.session.getLastAccessedTime()).isEqualTo(signedIn);
	}

	@Test
	void theFirstRequestPastTheStepMovesIt() {
		Instant signedIn = Instant.parse("2026-12-01T10:00:00Z");
		this.stored.setLastAccessedTime(signedIn);
		this.session.setLastAccessedTime(signedIn.plusSeconds(60));
		assertThat(this.stored.getLastAccessedTime()).isEqualTo(signedIn.plusSeconds(60));
	}

}
