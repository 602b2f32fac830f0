package dev.podsite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.podsite.support.SiteContentChanged;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The one place that chooses the tests' database: PostgreSQL 17 in a container when a
 * Docker engine runs and the container starts, otherwise a real embedded PostgreSQL.
 * Started once per test JVM and handed to every application context as
 * {@code spring.datasource.*}. A test's child JVM uses its parent's database
 * ({@link Connection#jvmOptions()}).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String PARENTS = "podsite.test-database.";

	private static Connection connection;

	/** The application contexts on this database, told when a test empties it. */
	private static final Set<ConfigurableApplicationContext> contexts = ConcurrentHashMap.newKeySet();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		contexts.add(context);
		Connection db = connection();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase", Map.of("spring.datasource.url", db.url(),
					"spring.datasource.username", db.username(), "spring.datasource.password", db.password())));
	}

	/**
	 * Tells every running application context that the data changed behind its back, as a
	 * change of the site would: they drop what they keep (the show, the feed, pages).
	 */
	static void announceChange() {
		contexts.removeIf(ConfigurableApplicationContext::isClosed);
		contexts.stream()
			.filter(ConfigurableApplicationContext::isActive)
			.forEach((context) -> context.publishEvent(new SiteContentChanged.OnAnotherInstance(0)));
	}

	/** The shared database's connection settings, starting it on first use. */
	public static synchronized Connection connection() {
		if (connection == null) {
			String parentsUrl = System.getProperty(PARENTS + "url");
			if (parentsUrl != null) {
				connection = new Connection(parentsUrl, System.getProperty(PARENTS + "username"),
						System.getProperty(PARENTS + "password", ""));
			}
			else {
				connection = dockerAvailable()
						? containerOrEmbedded(TestDatabase::startContainer, TestDatabase::startEmbedded)
						: startEmbedded();
			}
		}
		return connection;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The container's database, or the embedded one when a Docker engine runs but the
	 * container does not start (its image cannot be pulled without a network, say).
	 */
	static Connection containerOrEmbedded(Supplier<Connection> container, Supplier<Connection> embedded) {
		try {
			return container.get();
		}
		catch (RuntimeException ex) {
			System.err.println("TestDatabase: a Docker engine runs but the postgres:17 container did not start ("
					+ reason(ex) + "); the tests use the embedded PostgreSQL instead.");
			return embedded.get();
		}
	}

	/** The failure and its root cause, on one line. */
	private static String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String reason = (root != ex) ? ex + ", caused by " + root : ex.toString();
		return reason.replaceAll("\\s+", " ");
	}

	private static Connection startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
		return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static Connection startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				// The sites on this database stop first: a poll that found the server
				// gone
				// would hold their shutdown for the connection pool's timeout.
				contexts.forEach(ConfigurableApplicationContext::close);
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away anyway
				}
			}));
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", ex);
		}
	}

	public record Connection(String url, String username, String password) {

		/** The options that hand this database to a child JVM. */
		public List<String> jvmOptions() {
			return List.of("-D" + PARENTS + "url=" + this.url, "-D" + PARENTS + "username=" + this.username,
					"-D" + PARENTS + "password=" + this.password);
		}

	}

}
