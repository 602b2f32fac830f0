package dev.podsite.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real PostgreSQL server on a data directory that survives restarts, and
 * recovers that directory when a previous run was killed.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private EmbeddedPostgresServer() {
	}

	/**
	 * Starts the server on {@code dataDirectory}, creating it on first use.
	 * @param dataDirectory where the data lives
	 * @param durable whether committed data must survive a power cut (fsync and
	 * synchronous commit on); only throw-away test databases pass {@code false}
	 */
	public static EmbeddedPostgres start(Path dataDirectory, boolean durable) throws IOException {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		Files.createDirectories(directory);
		stopOrphanedServer(directory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofMinutes(2))
			.setLocaleConfig("locale", "C.UTF-8");
		if (durable) {
			// zonky starts PostgreSQL with fsync off, which is right only for tests.
			builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL listens on port {} with its data in {}", postgres.getPort(), directory);
		return postgres;
	}

	/**
	 * A JVM killed with kill -9 leaves its postgres process running on the directory, and
	 * a power cut leaves a stale postmaster.pid. Either would stop the next start.
	 */
	static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(EmbeddedPostgresServer::isPostgres);
		if (postmaster.isEmpty()) {
			log.warn("Removing the stale {} left by a server that is no longer running", pidFile);
			Files.deleteIfExists(pidFile);
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("A PostgreSQL server (pid {}) left running by a previous run still holds {}: stopping it",
				process.pid(), directory);
		// SIGTERM: the server finishes its work and shuts down cleanly.
		process.destroy();
		try {
			process.onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			log.warn("PostgreSQL (pid {}) did not stop within {}s; killing it", process.pid(),
					ORPHAN_SHUTDOWN_WAIT.toSeconds());
			process.destroyForcibly();
			process.onExit().join();
		}
		Files.deleteIfExists(pidFile);
	}

	private static Optional<Long> readPid(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map((command) -> command.endsWith("postgres")).orElse(false);
	}

}
