package dev.podsite.feedpublish;

import java.nio.file.Path;
import java.util.Arrays;

import dev.podsite.episode.EpisodesChanged;
import dev.podsite.PodsiteApplication;
import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImporterHarness;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long rendering the whole feed takes once, as after every change of the show: load
 * the published episodes from PostgreSQL, write the XML, gzip it. Run by
 * {@code bench/feed.sh} with a generated feed:
 * {@code FeedRenderBenchmark FEED_FILE [RENDERS]}.
 */
public final class FeedRenderBenchmark {

	private FeedRenderBenchmark() {
	}

	public static void main(String[] args) {
		Path feed = Path.of(args[0]).toAbsolutePath();
		int renders = (args.length > 1) ? Integer.parseInt(args[1]) : 50;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PodsiteApplication.class)
			.web(WebApplicationType.NONE)
			.properties("podsite.feed.schedule=false", "logging.level.dev.podsite=WARN")
			.run()) {
			ImportRun run = new ImporterHarness(context).importFrom(feed);
			PublishedFeed published = context.getBean(PublishedFeed.class);
			// Warm-up: the JIT compiles the render path as it would in a running site.
			for (int i = 0; i < renders; i++) {
				render(published);
			}
			long[] millis = new long[renders];
			RenderedFeed rendered = null;
			for (int i = 0; i < renders; i++) {
				long started = System.nanoTime();
				rendered = render(published);
				millis[i] = (System.nanoTime() - started) / 1_000_000;
			}
			Arrays.sort(millis);
			System.out.printf("imported: %d new episodes%n", run.getNewCount());
			System.out.printf(
					"full render of %d items (%d KB, %d KB gzipped), %d renders after %d warm-up:"
							+ " median %d ms, p90 %d ms, max %d ms%n",
					rendered.items(), rendered.xml().length / 1024, rendered.gzipped().length / 1024, renders, renders,
					millis[renders / 2], millis[renders * 9 / 10], millis[renders - 1]);
		}
	}

	private static RenderedFeed render(PublishedFeed published) {
		published.forget(new EpisodesChanged());
		return published.get().orElseThrow();
	}

}
