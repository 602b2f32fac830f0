package dev.podsite.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL starts as the context begins, before any bean asks for it, and
 * is stopped with the context, also with one that fails to start.
 */
class EmbeddedDatabaseEarlyStartTests {

	@TempDir
	private Path dir;

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withInitializer(new EmbeddedDatabaseEarlyStart())
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

	@Test
	void theServerIsStartingBeforeAnyBeanAsksForTheDatabase() {
		Path data = this.dir.resolve("postgres");
		this.contexts.withUserConfiguration(WaitsForAServerNobodyAskedFor.class, EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("podsite.embedded-db.dir=" + data)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(EmbeddedDatabaseEarlyStart.Started.class)
					.hasSingleBean(EmbeddedPostgres.class);
				assertThat(context.getBean(EmbeddedPostgres.class).getPostgresDatabase().getConnection().isValid(5))
					.isTrue();
			});
		assertThat(data.resolve("postmaster.pid")).as("stopped with the context").doesNotExist();
	}

	@Test
	void aContextThatFailsStopsTheServerItStarted() {
		Path data = this.dir.resolve("postgres");
		this.contexts.withUserConfiguration(WaitsForAServerNobodyAskedFor.class, Fails.class)
			.withPropertyValues("podsite.embedded-db.dir=" + data)
			.run((context) -> assertThat(context).hasFailed());
		assertThat(data.resolve("postgresql.conf")).as("it was started").exists();
		assertThat(data.resolve("postmaster.pid")).as("and stopped").doesNotExist();
	}

	@Test
	void withAConfiguredServerNothingStarts() {
		Path data = this.dir.resolve("postgres");
		this.contexts
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.invalid:5432/podsite",
					"podsite.embedded-db.dir=" + data)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EmbeddedDatabaseEarlyStart.Started.class));
		assertThat(data).doesNotExist();
	}

	/**
	 * Made before any bean that needs the database: waits for the server's process to run
	 * on the directory, which only a start begun by itself can make happen.
	 */
	@Configuration(proxyBeanMethods = false)
	static class WaitsForAServerNobodyAskedFor {

		@Bean
		String serverRunning(Environment environment) throws InterruptedException {
			Path pid = Path.of(environment.getProperty("podsite.embedded-db.dir")).resolve("postmaster.pid");
			Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
			while (!Files.exists(pid)) {
				assertThat(Instant.now()).as("the server started by itself").isBefore(deadline);
				Thread.sleep(20);
			}
			return "running";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Fails {

		@Bean
		String fails(String serverRunning) {
			throw new IllegalStateException("A bean that cannot be made");
		}

	}

}
