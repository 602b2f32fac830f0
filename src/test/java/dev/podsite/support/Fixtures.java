package dev.podsite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared feed corpus beside the repository ({@code ../shared/feeds}), present on
 * every developer machine and in CI.
 */
public final class Fixtures {

	private static final Path SHARED = Path.of("..", "shared").toAbsolutePath().normalize();

	private Fixtures() {
	}

	public static Path shared() {
		if (!Files.isDirectory(SHARED.resolve("feeds"))) {
			throw new IllegalStateException("The shared feed corpus is missing: expected it at " + SHARED
					+ " (the directory 'shared' beside the repository)");
		}
		return SHARED;
	}

	/** A feed of the corpus, e.g. {@code real/serial_simplecast_40items.rss}. */
	public static Path feed(String name) {
		Path feed = shared().resolve("feeds").resolve(name);
		if (!Files.isRegularFile(feed)) {
			throw new IllegalStateException("No feed " + feed);
		}
		return feed;
	}

	/** Every feed of the corpus, as names relative to its root. */
	public static List<String> corpus() {
		Path root = shared().resolve("feeds");
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

}
