package dev.podsite.system;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.podsite.support.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.podsite.system.EmbeddedPostgresSql.execute;
import static dev.podsite.system.EmbeddedPostgresSql.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The site's own PostgreSQL lets in only who holds the password from its data directory,
 * and only from this machine. One server is shared by the tests that only look at it.
 */
class EmbeddedPostgresSecurityTests {

	private static final String PASSWORD_FILE = "podsite-db-password";

	private static final Path PSQL = Path.of("/usr/bin/psql");

	@TempDir
	static Path sharedDirectory;

	private static EmbeddedPostgres shared;

	@TempDir
	private Path dir;

	@BeforeAll
	static void startTheSharedServer() throws IOException {
		shared = EmbeddedPostgresServer.start(sharedDirectory, true);
	}

	@AfterAll
	static void stopTheSharedServer() throws IOException {
		if (shared != null) {
			shared.close();
		}
	}

	@Test
	void aConnectionWithoutThePasswordIsRefusedOverTcp() {
		int port = shared.getPort();
		for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
			assertThatThrownBy(() -> connect(host, port, null)).as("no password on %s", host)
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> connect(host, port, "")).as("an empty password on %s", host)
				.isInstanceOf(SQLException.class);
		}
		assertThatThrownBy(() -> connect("127.0.0.1", port, null)).hasMessageContaining("password");
		assertThatThrownBy(() -> connect("127.0.0.1", port, "not-the-password"))
			.isInstanceOfSatisfying(SQLException.class, (ex) -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
	}

	@Test
	void aConnectionWithoutThePasswordIsRefusedOverTheUnixSocket() throws Exception {
		List<Path> sockets = unixSockets(shared);
		assumeThat(sockets).as("the server has a Unix socket").isNotEmpty();
		for (Path socket : sockets) {
			// The JDBC driver speaks TCP only: ask for a session in the protocol's own
			// words. Without a password rule the server answers AuthenticationOk (0).
			assertThat(authenticationAsked(socket)).as("what %s asks of a client that gives no password", socket)
				.isEqualTo("SASL SCRAM-SHA-256");
		}
	}

	@Test
	void psqlWithoutAPasswordIsRefused() throws Exception {
		ExternalTool.require("psql", PSQL, "apt-get install postgresql-client (or run .ci/run)");
		List<String> hosts = new ArrayList<>(List.of("127.0.0.1"));
		unixSockets(shared).forEach((socket) -> hosts.add(socket.getParent().toString()));
		for (String host : hosts) {
			Psql result = psql(host, shared.getPort());
			assertThat(result.exitCode()).as("psql -h %s: %s", host, result.output()).isNotZero();
			assertThat(result.output()).as("psql -h %s", host).containsIgnoringCase("password");
		}
	}

	@Test
	void withThePasswordFromItsFileTheDatabaseAnswers() throws Exception {
		String password = password(sharedDirectory);
		assertThat(password).hasSizeGreaterThanOrEqualTo(32);
		try (Connection connection = connect("127.0.0.1", shared.getPort(), password);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_user")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo("postgres");
		}
	}

	@Test
	void onlyTheOwnerMayReadOrWriteThePasswordFile() throws Exception {
		Path file = sharedDirectory.resolve(PASSWORD_FILE);
		assertThat(file).isRegularFile();
		assumeThat(Files.getFileAttributeView(file, PosixFileAttributeView.class)).as("a POSIX file system")
			.isNotNull();
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void everyRuleAsksForAScramPasswordAndOnlyFromThisMachine() throws Exception {
		assertThat(query(shared, "SHOW password_encryption")).isEqualTo("scram-sha-256");
		List<String> rules = new ArrayList<>();
		try (Connection connection = shared.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT type, coalesce(address, ''), coalesce(netmask, ''), auth_method, coalesce(error, '')"
								+ " FROM pg_hba_file_rules ORDER BY rule_number")) {
			while (result.next()) {
				rules.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " "
						+ result.getString(4) + result.getString(5));
			}
		}
		assertThat(rules).containsExactlyInAnyOrder("local   scram-sha-256",
				"host 127.0.0.1 255.255.255.255 scram-sha-256",
				"host ::1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff scram-sha-256");
	}

	@Test
	void theServerListensOnLoopbackOnlyEvenWhenItsConfigurationAsksForEveryAddress() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			execute(postgres, "ALTER SYSTEM SET listen_addresses = '*'");
		}
		Files.writeString(this.dir.resolve("postgresql.conf"), "\nlisten_addresses = '*'\n", StandardOpenOption.APPEND);
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			assertThat(query(postgres, "SHOW listen_addresses")).isIn("localhost", "127.0.0.1", "127.0.0.1,::1");
			for (InetAddress address : nonLoopbackAddresses()) {
				try (Socket socket = new Socket()) {
					assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, postgres.getPort()), 2000))
						.as("a connection to %s", address.getHostAddress())
						.isInstanceOf(ConnectException.class);
				}
			}
		}
	}

	@Test
	void aDataDirectoryCreatedWithoutAPasswordIsUpgradedAndKeepsItsData() throws Exception {
		// As the site made them before it had a password: initdb -A trust, no password.
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(this.dir)
			.setCleanDataDirectory(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.start()) {
			execute(old, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('from before the password')");
		}
		assertThat(this.dir.resolve(PASSWORD_FILE)).doesNotExist();

		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			assertThatThrownBy(() -> connect("127.0.0.1", postgres.getPort(), null)).isInstanceOf(SQLException.class)
				.hasMessageContaining("password");
			try (Connection connection = connect("127.0.0.1", postgres.getPort(), password(this.dir));
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT value FROM kept")) {
				result.next();
				assertThat(result.getString(1)).isEqualTo("from before the password");
			}
			assertThat(Files.readString(this.dir.resolve("pg_hba.conf"))).doesNotContain("trust");
		}
		// The next start is an ordinary one, with the same password.
		String password = password(this.dir);
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			assertThat(password(this.dir)).isEqualTo(password);
			assertThatThrownBy(() -> connect("127.0.0.1", postgres.getPort(), null)).isInstanceOf(SQLException.class);
			assertThat(query(postgres, "SELECT value FROM kept")).isEqualTo("from before the password");
		}
	}

	private static String password(Path dataDirectory) throws IOException {
		return Files.readString(dataDirectory.resolve(PASSWORD_FILE), StandardCharsets.UTF_8).strip();
	}

	private static Connection connect(String host, int port, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", properties);
	}

	private static List<Path> unixSockets(EmbeddedPostgres postgres) throws Exception {
		List<Path> sockets = new ArrayList<>();
		for (String directory : query(postgres, "SHOW unix_socket_directories").split(",")) {
			Path socket = Path.of(directory.strip()).resolve(".s.PGSQL." + postgres.getPort());
			if (!directory.isBlank() && !directory.strip().startsWith("@") && Files.exists(socket)) {
				sockets.add(socket);
			}
		}
		return sockets;
	}

	/**
	 * Sends a StartupMessage (protocol 3.0, user and database postgres) and tells what
	 * the server answers: "OK" when it lets the client in without a password, "SASL" and
	 * its mechanisms when it asks for SCRAM, or the request or error otherwise.
	 */
	private static String authenticationAsked(Path socket) throws IOException {
		try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
			byte[] parameters = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
			ByteBuffer startup = ByteBuffer.allocate(8 + parameters.length);
			startup.putInt(8 + parameters.length).putInt(196608).put(parameters).flip();
			while (startup.hasRemaining()) {
				channel.write(startup);
			}
			ByteBuffer header = read(channel, 5);
			byte type = header.get();
			int length = header.getInt();
			ByteBuffer body = read(channel, length - 4);
			if (type == 'E') {
				return "error " + StandardCharsets.UTF_8.decode(body).toString().replace('\0', ' ').strip();
			}
			assertThat((char) type).as("an authentication request").isEqualTo('R');
			int request = body.getInt();
			if (request == 0) {
				return "OK";
			}
			if (request != 10) {
				return "request " + request;
			}
			String mechanisms = StandardCharsets.US_ASCII.decode(body).toString();
			return "SASL " + String.join(" ", mechanisms.split("\0"));
		}
	}

	private static ByteBuffer read(SocketChannel channel, int size) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(size);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer) < 0) {
				throw new IOException("The server closed the connection");
			}
		}
		return buffer.flip();
	}

	private record Psql(int exitCode, String output) {
	}

	private static Psql psql(String host, int port) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(PSQL.toString(), "-w", "-U", "postgres", "-h", host, "-p",
				Integer.toString(port), "-d", "postgres", "-c", "select 1")
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().remove("PGPASSWORD");
		builder.environment().put("PGPASSFILE", "/nonexistent");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("psql finished").isTrue();
		return new Psql(process.exitValue(), output);
	}

	private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
		List<InetAddress> addresses = new ArrayList<>();
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!network.isUp() || network.isLoopback()) {
				continue;
			}
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (!address.isLoopbackAddress()
						&& !(address instanceof Inet6Address && address.isLinkLocalAddress())) {
					addresses.add(address);
				}
			}
		}
		return addresses;
	}

}
