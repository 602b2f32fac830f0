package dev.podsite.feedimport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.podsite.PodsiteApplication;
import dev.podsite.support.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The site in a child JVM on the shared test database, for tests that kill it or bound
 * its heap.
 */
final class ChildSite {

	private ChildSite() {
	}

	/**
	 * The site as a separate process with the heap it has in production: the
	 * application's main class on the tests' class path and database, importing
	 * {@code feed} at start-up, its connections named {@code applicationName}, its output
	 * in {@code log}; with the given extra arguments.
	 */
	static Process start(URI feed, String applicationName, Path log, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// A quick start matters more here than peak speed.
		command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.addAll(TestDatabase.connection().jvmOptions());
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), PodsiteApplication.class.getName()));
		command.addAll(List.of("--spring.main.web-application-type=none", "--podsite.feed.schedule=true",
				"--podsite.feed.refresh=PT15M", "--podsite.feed.url=" + feed,
				"--spring.datasource.hikari.data-source-properties.ApplicationName=" + applicationName));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** Ends the child's sessions left on the shared database. */
	static void endSessions(JdbcTemplate jdbc, String applicationName) {
		jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
				applicationName);
	}

	/**
	 * The last 60 lines of the child's log, to show when it did not do what it should.
	 */
	static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

}
