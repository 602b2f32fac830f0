package dev.podsite.support;

import java.nio.file.Files;
import java.nio.file.Path;

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

}
