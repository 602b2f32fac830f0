package dev.podsite.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

	private static final Duration ORPHAN_QUIT_WAIT = Duration.ofSeconds(10);

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
	 * a power cut leaves a stale postmaster.pid. Either would stop the next start. After
	 * a reboot the pid in the file may name another process, even another PostgreSQL:
	 * only a postgres whose command line names this directory is stopped.
	 */
	static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			log.warn("Removing the stale {} left by a server that is no longer running", pidFile);
			Files.deleteIfExists(pidFile);
			return;
		}
		ProcessHandle postmaster = process.get();
		if (!isPostgresOn(postmaster, directory)) {
			log.warn("Removing the stale {}: its pid {} now belongs to another process, which is left alone", pidFile,
					postmaster.pid());
			Files.deleteIfExists(pidFile);
			return;
		}
		log.warn("A PostgreSQL server (pid {}) left running by a previous run still holds {}: stopping it",
				postmaster.pid(), directory);
		// SIGINT is PostgreSQL's fast shutdown: it ends the sessions, writes a
		// checkpoint and exits. SIGQUIT stops at once, leaving crash recovery to the
		// next start; SIGKILL would leave its children holding the shared memory.
		if (!stop(postmaster, "INT", ORPHAN_SHUTDOWN_WAIT) && !stop(postmaster, "QUIT", ORPHAN_QUIT_WAIT)) {
			log.warn("PostgreSQL (pid {}) did not stop; killing it", postmaster.pid());
			postmaster.destroyForcibly();
			postmaster.onExit().join();
		}
		Files.deleteIfExists(pidFile);
	}

	/**
	 * Sends {@code signal} and waits for the exit; false when it did not come in time.
	 */
	private static boolean stop(ProcessHandle process, String signal, Duration wait) throws IOException {
		try {
			signal(process, signal);
			process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			log.warn("PostgreSQL (pid {}) did not stop within {}s of SIG{}", process.pid(), wait.toSeconds(), signal);
			return false;
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping PostgreSQL (pid " + process.pid() + ")", ex);
		}
	}

	private static void signal(ProcessHandle process, String signal) throws InterruptedException {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			// No kill command: Java itself can only send SIGTERM (smart shutdown).
			log.warn("Could not send SIG{} to PostgreSQL (pid {}): {}; sending SIGTERM", signal, process.pid(),
					ex.getMessage());
			process.destroy();
		}
	}

	/**
	 * Whether the process is a postgres started on {@code directory} (-D and the
	 * directory), read from /proc/&lt;pid&gt;/cmdline, or where there is no /proc, from
	 * what the JDK knows of it. What cannot be read is not ours.
	 */
	static boolean isPostgresOn(ProcessHandle process, Path directory) {
		List<String> command = commandLine(process);
		if (command.isEmpty() || !command.get(0).endsWith("postgres")) {
			return false;
		}
		for (int i = 1; i < command.size(); i++) {
			String argument = command.get(i);
			if (argument.equals("-D") && i + 1 < command.size() && sameDirectory(command.get(i + 1), directory)) {
				return true;
			}
			if (argument.startsWith("-D") && argument.length() > 2 && sameDirectory(argument.substring(2), directory)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> commandLine(ProcessHandle process) {
		Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
		try {
			if (Files.isReadable(cmdline)) {
				String text = Files.readString(cmdline, StandardCharsets.UTF_8);
				return text.isEmpty() ? List.of() : List.of(text.split("\0"));
			}
		}
		catch (IOException ex) {
			return List.of();
		}
		ProcessHandle.Info info = process.info();
		List<String> command = new ArrayList<>();
		info.command().ifPresent(command::add);
		info.arguments().ifPresent((arguments) -> command.addAll(List.of(arguments)));
		return command;
	}

	private static boolean sameDirectory(String argument, Path directory) {
		try {
			return Files.isSameFile(Path.of(argument), directory);
		}
		catch (IOException | InvalidPathException ex) {
			return false;
		}
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

}
