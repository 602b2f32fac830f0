package dev.podsite.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program some tests run beside the site (a feed client, the HTML checker). CI installs
 * them and sets PODSITE_REQUIRE_TOOLS=true, so a missing tool fails there; on a
 * developer's machine the tests that need it are skipped with one line saying how to
 * enable them.
 */
public final class ExternalTool {

	private ExternalTool() {
	}

	/** The tool's path, or a skip (a failure in CI) when it is not installed. */
	public static Path require(String name, Path path, String howToInstall) {
		if (Files.exists(path)) {
			return path;
		}
		String message = name + " is not installed (" + path + "); to run these tests: " + howToInstall;
		if (Boolean.parseBoolean(System.getenv("PODSITE_REQUIRE_TOOLS"))) {
			Assertions.fail(message);
		}
		Assumptions.abort(message);
		return path;
	}

	/** A tool installed by npm into .ci/node, as .ci/run does. */
	public static Path npmPackage(String name, String relativePath) {
		return require(name, Path.of(".ci", "node", "node_modules", name).resolve(relativePath).toAbsolutePath(),
				"npm install --prefix .ci/node " + name + " (or run .ci/run)");
	}

}
