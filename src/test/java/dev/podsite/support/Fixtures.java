package dev.podsite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test data kept in the repository, read from the test classpath: the feed corpus
 * ({@code src/test/resources/feeds}) and the facts about the show
 * ({@code src/test/resources/show}). Each directory's {@code SOURCES.md} names where its
 * files came from.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** A feed of the corpus, e.g. {@code real/serial_simplecast_40items.rss}. */
	public static Path feed(String name) {
		Path feed = feeds().resolve(name);
		if (!Files.isRegularFile(feed)) {
			throw new IllegalStateException("No feed " + feed);
		}
		return feed;
	}

	/** Every feed of the corpus, as names relative to its root. */
	public static List<String> corpus() {
		Path root = feeds();
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.map((file) -> root.relativize(file).toString())
				.filter((name) -> name.endsWith(".xml") || name.endsWith(".rss"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The real shows' feeds and the specification's examples, less the broken ones. */
	public static List<String> wellFormedShows() {
		return corpus().stream()
			.filter((name) -> name.startsWith("real/") || name.startsWith("spec/"))
			.filter((name) -> !name.contains("MALFORMED"))
			.toList();
	}

	/** A file of facts about the show, e.g. {@code episodes.json}. */
	public static Path show(String name) {
		Path file = directory("show").resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("No file " + file);
		}
		return file;
	}

	private static Path feeds() {
		return directory("feeds");
	}

	/** A directory of {@code src/test/resources}, as the test classpath holds it. */
	private static Path directory(String name) {
		URL url = Fixtures.class.getResource("/" + name);
		if (url == null || !"file".equals(url.getProtocol())) {
			throw new IllegalStateException("The test data directory '" + name + "' is not on the test classpath as"
					+ " a directory (found: " + url + "); it lives in src/test/resources/" + name
					+ " and Maven copies it to target/test-classes/" + name);
		}
		try {
			Path directory = Path.of(url.toURI());
			if (!Files.isDirectory(directory)) {
				throw new IllegalStateException("The test data '" + name + "' is not a directory: " + directory);
			}
			return directory;
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("The test data directory '" + name + "' has no usable address: " + url, ex);
		}
	}

}
