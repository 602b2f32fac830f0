package dev.podsite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, run in the page a browser shows: the rules of WCAG
 * 2.2 A and AA (and of the versions before) and axe's best practices. Loaded from the
 * copy npm installed into .ci/node, never from the network.
 */
public final class Axe {

	/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's own best practices. */
	private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
			"best-practice");

	private static final String RUN = """
			var done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
			  .then(function (results) {
			    done(results.violations.map(function (rule) {
			      return { id: rule.id, impact: rule.impact || '', help: rule.help,
			        nodes: rule.nodes.map(function (node) {
			          return node.target.join(' ') + (node.failureSummary ? ' [' + node.failureSummary.replace(/\\s+/g, ' ') + ']' : '');
			        }) };
			    }));
			  }, function (error) { done([{ id: 'axe-error', impact: '', help: String(error), nodes: [] }]); });
			""";

	private final String source;

	private Axe(String source) {
		this.source = source;
	}

	/** axe-core from .ci/node; a skip (a failure in CI) when it is not installed. */
	public static Axe installed() {
		Path script = ExternalTool.npmPackage("axe-core", "axe.min.js");
		try {
			return new Axe(Files.readString(script));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The violations in the page the browser shows, one line per rule: its id, impact and
	 * help, then the selector of each element that fails it and why.
	 */
	@SuppressWarnings("unchecked")
	public List<String> violations(WebDriver browser) {
		JavascriptExecutor page = (JavascriptExecutor) browser;
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		page.executeScript(this.source);
		List<Map<String, Object>> rules = (List<Map<String, Object>>) page.executeAsyncScript(RUN, TAGS);
		return rules.stream()
			.map((rule) -> rule.get("id") + " (" + rule.get("impact") + "): " + rule.get("help")
					+ String.join("",
							((List<String>) rule.get("nodes")).stream().map((node) -> "\n      " + node).toList()))
			.toList();
	}

}
