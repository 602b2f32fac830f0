package dev.podsite.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real PostgreSQL server on a data directory that survives restarts, and
 * recovers that directory when a previous run was killed. The server listens on localhost
 * only and lets in only who gives the password of its superuser {@code postgres}, made at
 * random when the directory is created and kept in {@link #passwordFile the password
 * file}, readable by its owner only.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private static final Duration ORPHAN_QUIT_WAIT = Duration.ofSeconds(10);

	private static final String PASSWORD_FILE = "podsite-db-password";

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	// The two modes PostgreSQL starts on: 0700, and 0750 (initdb --allow-group-access).
	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> GROUP_READABLE_DIRECTORY = PosixFilePermissions
		.fromString("rwxr-x---");

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * pg_hba.conf at every start: the superuser's password, SCRAM only, from this machine
	 * only. No rule for replication, nor for any other address.
	 */
	private static final String PASSWORD_RULES = """
			# Written by Podsite at every start of its embedded PostgreSQL: changes here are lost.
			# Only a SCRAM password lets anyone in, and only from this machine.
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			local   all       all                 scram-sha-256
			host    all       all   127.0.0.1/32  scram-sha-256
			host    all       all   ::1/128       scram-sha-256
			""";

	/**
	 * pg_hba.conf for the moment in which a directory made without a password gets one:
	 * see {@link #givePasswordToAnOpenDirectory}.
	 */
	private static final String UPGRADE_RULES = """
			# Written by Podsite for the moment it takes to give the superuser a password.
			# TYPE  DATABASE  USER      ADDRESS       METHOD
			host    postgres  postgres  127.0.0.1/32  trust
			host    postgres  postgres  ::1/128       trust
			""";

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
		Path passwordFile = passwordFile(directory);
		if (isInitialised(directory) && readPassword(passwordFile).isEmpty()) {
			givePasswordToAnOpenDirectory(directory, durable);
			stopOrphanedServer(directory);
		}
		boolean fresh = !isInitialised(directory);
		String password = fresh ? newPassword() : readPassword(passwordFile).orElseThrow();
		if (!fresh) {
			restrictToOwner(passwordFile);
			restrictDirectoryToOwner(directory);
		}
		// Lives only while initdb runs.
		Path initdbPasswordFile = fresh ? temporaryPasswordFile(password) : null;
		EmbeddedPostgres postgres;
		try {
			EmbeddedPostgres.Builder builder = builder(directory, durable)
				// zonky's own readiness check and getPostgresDatabase() log in with it.
				.setConnectConfig("password", password)
				.setDataDirectoryCustomizer((ignored) -> {
					// After initdb, before the postmaster: the server never starts
					// with a rule that lets anyone in without the password.
					if (initdbPasswordFile != null) {
						writePasswordFile(passwordFile, password);
						deleteQuietly(initdbPasswordFile);
					}
					writeHba(directory, PASSWORD_RULES);
				});
			if (initdbPasswordFile != null) {
				// initdb -A trust -U postgres, and with this the superuser's password.
				builder.setLocaleConfig("pwfile", initdbPasswordFile.toString());
			}
			postgres = builder.start();
		}
		catch (IOException ex) {
			if (refusedThePassword(ex)) {
				throw new IOException(
						"The embedded PostgreSQL refused the password in " + passwordFile
								+ ". Delete that file and start again: the start gives the database a new password.",
						ex);
			}
			throw ex;
		}
		finally {
			if (initdbPasswordFile != null) {
				Files.deleteIfExists(initdbPasswordFile);
			}
		}
		log.info("Embedded PostgreSQL listens on localhost port {} with its data in {}", postgres.getPort(), directory);
		log.info("The password of its superuser postgres is in {}", passwordFile);
		return postgres;
	}

	/**
	 * Where the password of the superuser {@code postgres} of the server on
	 * {@code dataDirectory} is kept, readable by its owner only.
	 */
	public static Path passwordFile(Path dataDirectory) {
		return dataDirectory.toAbsolutePath().normalize().resolve(PASSWORD_FILE);
	}

	/**
	 * The password of the superuser {@code postgres} of the server on
	 * {@code dataDirectory}, once {@link #start} has run there.
	 */
	public static String password(Path dataDirectory) throws IOException {
		Path file = passwordFile(dataDirectory);
		return readPassword(file).orElseThrow(() -> new IOException("No database password in " + file));
	}

	private static EmbeddedPostgres.Builder builder(Path directory, boolean durable) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofMinutes(2))
			.setLocaleConfig("locale", "C.UTF-8")
			// Given on the command line, these win over postgresql.conf and ALTER
			// SYSTEM. zonky passes no -h; PostgreSQL's default would be localhost too.
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setServerConfig("unix_socket_permissions", "0700");
		if (durable) {
			// zonky starts PostgreSQL with fsync off, which is right only for tests.
			builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
		}
		return builder;
	}

	private static boolean isInitialised(Path directory) {
		return Files.exists(directory.resolve("postgresql.conf"));
	}

	/**
	 * A data directory made before the site gave its database a password: initdb -A
	 * trust, a superuser without a password, and a pg_hba.conf that lets anyone on the
	 * machine in. A directory whose password file was deleted is treated the same way,
	 * and gets a new password.
	 * <p>
	 * Setting a password takes a running server. This one runs only for that: its
	 * pg_hba.conf lets in, without a password, the user postgres to the database postgres
	 * over TCP from 127.0.0.1 and ::1, and nothing else, not even the Unix socket. That
	 * short window (about 0.2 s on a 2-core machine), on loopback and on a random port,
	 * once in the directory's life, is unavoidable with zonky, which offers no
	 * single-user mode; before it, the directory let anyone on the machine in at every
	 * start. The password file is written once the role has the password, and is what
	 * marks the directory done: a run killed halfway does it all again at the next start.
	 */
	private static void givePasswordToAnOpenDirectory(Path directory, boolean durable) throws IOException {
		log.warn("The embedded PostgreSQL in {} has no password yet: giving its superuser one", directory);
		Path passwordFile = passwordFile(directory);
		String password = newPassword();
		EmbeddedPostgres postgres = builder(directory, durable)
			.setDataDirectoryCustomizer((ignored) -> writeHba(directory, UPGRADE_RULES))
			.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("SET password_encryption = 'scram-sha-256'");
			// The password is base64url: nothing in it needs quoting.
			statement.execute("ALTER ROLE postgres WITH PASSWORD '" + password + "'");
			warnOfOtherRoles(statement, directory);
			writePasswordFile(passwordFile, password);
			// The server stops right after (a fast shutdown refuses new connections at
			// once), which ends the window sooner than a reload would.
			writeHba(directory, PASSWORD_RULES);
		}
		catch (SQLException ex) {
			throw new IOException("Could not give the embedded PostgreSQL in " + directory + " a password", ex);
		}
		finally {
			postgres.close();
		}
		log.info("The embedded PostgreSQL in {} now asks for the password in {}", directory, passwordFile);
	}

	/**
	 * Roles that can log in, other than postgres, were made while the database let anyone
	 * in: whoever made them may still log in with them.
	 */
	private static void warnOfOtherRoles(Statement statement, Path directory) throws SQLException {
		List<String> roles = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(
				"SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname <> 'postgres' ORDER BY rolname")) {
			while (result.next()) {
				roles.add(result.getString(1));
			}
		}
		if (!roles.isEmpty()) {
			log.warn("The embedded PostgreSQL in {} has other roles that can log in, made while it asked for no "
					+ "password: {}. Drop them unless you made them.", directory, roles);
		}
	}

	private static String newPassword() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Optional<String> readPassword(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		String password = Files.readString(file, StandardCharsets.UTF_8).strip();
		return password.isEmpty() ? Optional.empty() : Optional.of(password);
	}

	/**
	 * Writes the password to a new file readable and writable by its owner only, then
	 * moves it into place: the file is either absent or whole.
	 */
	private static void writePasswordFile(Path file, String password) {
		Path temporary = file.resolveSibling(file.getFileName() + ".new");
		try {
			Files.deleteIfExists(temporary);
			createOwnerOnly(temporary);
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.write(StandardCharsets.UTF_8.encode(password + "\n"));
				channel.force(true);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the database password to " + file, ex);
		}
	}

	/** A file for initdb's --pwfile, readable by its owner only. */
	private static Path temporaryPasswordFile(String password) throws IOException {
		Path file = ownerOnlyTemporaryFile();
		Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
		return file;
	}

	private static Path ownerOnlyTemporaryFile() throws IOException {
		if (isPosix()) {
			return Files.createTempFile("podsite-initdb-", ".pw", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		Path file = Files.createTempFile("podsite-initdb-", ".pw");
		restrictToOwner(file);
		return file;
	}

	private static void createOwnerOnly(Path file) throws IOException {
		if (isPosix()) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		else {
			Files.createFile(file);
			restrictToOwner(file);
		}
	}

	/**
	 * PostgreSQL refuses to start on a data directory others may read (a copy made with a
	 * wide umask, a {@code chmod -R a+rX}), and the start would only time out: it gets
	 * back the rights initdb gave it.
	 */
	private static void restrictDirectoryToOwner(Path directory) throws IOException {
		if (!isPosix()) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
		if (!OWNER_ONLY_DIRECTORY.equals(permissions) && !GROUP_READABLE_DIRECTORY.equals(permissions)) {
			log.warn("{} could be read or written by others than its owner, which PostgreSQL refuses: "
					+ "making it the owner's only", directory);
			Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
		}
	}

	/** Makes the file readable and writable by its owner only, where it was not. */
	private static void restrictToOwner(Path file) throws IOException {
		if (isPosix()) {
			if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
				log.warn("{} could be read by others than its owner: making it the owner's only", file);
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
			return;
		}
		File asFile = file.toFile();
		boolean restricted = asFile.setReadable(false, false) && asFile.setWritable(false, false)
				&& asFile.setExecutable(false, false) && asFile.setReadable(true, true)
				&& asFile.setWritable(true, true);
		if (!restricted) {
			log.warn("Could not make {} readable by its owner only", file);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", file, ex.getMessage());
		}
	}

	private static boolean isPosix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	/** Replaces pg_hba.conf whole, so that a crash never leaves half a file. */
	private static void writeHba(Path directory, String rules) {
		Path hba = directory.resolve("pg_hba.conf");
		Path temporary = directory.resolve("pg_hba.conf.new");
		try {
			Files.deleteIfExists(temporary);
			createOwnerOnly(temporary);
			Files.writeString(temporary, rules, StandardCharsets.UTF_8);
			Files.move(temporary, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + hba, ex);
		}
	}

	private static boolean refusedThePassword(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "28P01".equals(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
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
