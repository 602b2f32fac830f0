package dev.podsite.feedimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feed of the shared corpus either imports or fails with a reason in words: never
 * an unhandled exception. The per-feed outcome goes to target/feed-import-report.md.
 */
@SpringBootTest
class FeedCorpusTests {

	private static final Map<String, String> report = new TreeMap<>();

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	static List<String> feeds() {
		return Fixtures.corpus();
	}

	@ParameterizedTest
	@MethodSource("feeds")
	void importsOrFailsWithAReason(String name) {
		Database.clear(this.jdbc);
		ImportRun run = new ImporterHarness(this.context).importFrom(Fixtures.feed(name));
		int stored = this.jdbc.queryForObject("SELECT count(*) FROM episode", Integer.class);
		report.put(name,
				"| " + name + " | " + run.getStatus() + " | " + run.getNewCount() + " | " + stored + " | "
						+ run.getWarnings().size() + " | "
						+ ((run.getErrorMessage() != null) ? run.getErrorMessage().replace("|", "\\|") : "") + " |");

		assertThat(run.getStatus()).isIn(ImportStatus.SUCCEEDED, ImportStatus.FAILED);
		if (run.getStatus() == ImportStatus.FAILED) {
			assertThat(run.getErrorMessage()).isNotBlank().doesNotContain("unexpectedly");
		}
		else {
			assertThat(stored).isEqualTo(run.getNewCount());
		}
		if (name.startsWith("real/") && !name.contains("MALFORMED")) {
			assertThat(run.getStatus()).as("a real, well-formed feed imports").isEqualTo(ImportStatus.SUCCEEDED);
			assertThat(stored).isPositive();
		}
	}

	@AfterAll
	static void writeReport() throws IOException {
		Path target = Path.of("target");
		Files.createDirectories(target);
		List<String> lines = Stream
			.concat(Stream.of("# Feed import report", "", "| feed | status | new | stored | warnings | error |",
					"|---|---|---|---|---|---|"), report.values().stream())
			.toList();
		Files.write(target.resolve("feed-import-report.md"), lines);
	}

}
