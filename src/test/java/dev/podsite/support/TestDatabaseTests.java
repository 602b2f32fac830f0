package dev.podsite.support;

import dev.podsite.support.TestDatabase.Connection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Docker engine that runs but cannot start the container (no network to pull the image)
 * leaves the tests on the embedded PostgreSQL instead of failing them.
 */
class TestDatabaseTests {

	private final Connection container = new Connection("jdbc:postgresql://container/test", "test", "test");

	private final Connection embedded = new Connection("jdbc:postgresql://embedded/postgres", "postgres", "");

	@Test
	void usesTheContainerWhenItStarts() {
		assertThat(TestDatabase.containerOrEmbedded(() -> this.container, () -> {
			throw new AssertionError("the embedded PostgreSQL must not start");
		})).isEqualTo(this.container);
	}

	@Test
	void fallsBackToTheEmbeddedPostgresWhenTheContainerCannotStart() {
		assertThat(TestDatabase.containerOrEmbedded(() -> {
			throw new IllegalStateException("Container startup failed for image postgres:17",
					new RuntimeException("pull access denied, no network"));
		}, () -> this.embedded)).isEqualTo(this.embedded);
	}

}
