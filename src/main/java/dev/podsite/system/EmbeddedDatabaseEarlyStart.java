package dev.podsite.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL in a thread of its own as the application context begins
 * to refresh, so that creating (or opening) its data directory overlaps with the seconds
 * the context spends reading classes and building beans before the first one needs the
 * database. {@link EmbeddedDatabaseConfiguration} then waits for it. Registered in
 * {@code META-INF/spring.factories}; without it (a context built by hand) the
 * configuration starts the server itself.
 */
class EmbeddedDatabaseEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BEAN_NAME = "podsiteEmbeddedDatabaseEarlyStart";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// Decided when the refresh begins: every initializer (the tests' database
		// among them) has set its properties by then.
		context
			.addBeanFactoryPostProcessor((beanFactory) -> startUnlessConfigured(context.getEnvironment(), beanFactory));
	}

	private static void startUnlessConfigured(ConfigurableEnvironment environment,
			ConfigurableListableBeanFactory beanFactory) {
		// The same condition as EmbeddedDatabaseConfiguration's.
		if (!environment.getProperty("spring.datasource.url", "").isEmpty()
				|| beanFactory.containsSingleton(BEAN_NAME)) {
			return;
		}
		EmbeddedDatabaseProperties properties = Binder.get(environment)
			.bindOrCreate("podsite.embedded-db", EmbeddedDatabaseProperties.class);
		Started started = Started.inBackground(properties.dir());
		beanFactory.registerSingleton(BEAN_NAME, started);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			// A context that fails before it takes the server still stops it.
			registry.registerDisposableBean(BEAN_NAME, started);
		}
	}

	/** The server being started; whoever {@link #take takes} it closes it. */
	static final class Started implements DisposableBean {

		private static final Logger log = LoggerFactory.getLogger(Started.class);

		private final Path directory;

		private final CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();

		private volatile boolean taken;

		private Started(Path directory) {
			this.directory = directory;
		}

		static Started inBackground(Path directory) {
			Started started = new Started(directory);
			Thread thread = new Thread(() -> {
				try {
					started.server.complete(EmbeddedPostgresServer.start(directory, true));
				}
				catch (Throwable ex) {
					started.server.completeExceptionally(ex);
				}
			}, "embedded-postgres-start");
			thread.setDaemon(true);
			thread.start();
			return started;
		}

		/**
		 * Waits for the server on {@code directory}; empty (and the early one stopped)
		 * when it was started on another directory.
		 */
		EmbeddedPostgres take(Path directory) throws IOException {
			this.taken = true;
			EmbeddedPostgres postgres = await();
			if (!this.directory.equals(directory)) {
				postgres.close();
				return EmbeddedPostgresServer.start(directory, true);
			}
			return postgres;
		}

		private EmbeddedPostgres await() throws IOException {
			try {
				return this.server.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof IOException io) {
					throw io;
				}
				if (ex.getCause() instanceof UncheckedIOException io) {
					throw io.getCause();
				}
				throw ex;
			}
		}

		@Override
		public void destroy() throws IOException {
			if (this.taken) {
				return;
			}
			try {
				await().close();
			}
			catch (IOException | RuntimeException ex) {
				log.warn("The embedded PostgreSQL started for a context that failed could not be stopped cleanly", ex);
			}
		}

	}

}
