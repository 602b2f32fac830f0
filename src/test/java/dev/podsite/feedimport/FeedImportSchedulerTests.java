package dev.podsite.feedimport;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.podsite.PodsiteApplication;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site imports its feed right after start-up and then every
 * {@code podsite.feed.refresh}; the artwork is measured later. Runs its own application
 * (the other tests turn the schedule off) and closes it, so no import runs on beside the
 * other tests.
 */
class FeedImportSchedulerTests {

	private static final Duration REFRESH = Duration.ofSeconds(3);

	@Test
	void importsRightAfterStartUpAndThenEveryRefresh() throws Exception {
		// Imports of other tests on the shared database must not count as recent ones.
		Database.migrated().update("UPDATE feed_state SET last_started_at = NULL, next_attempt_at = NULL");
		Instant before = Instant.now();
		try (ConfigurableApplicationContext site = new SpringApplicationBuilder(PodsiteApplication.class)
			.web(WebApplicationType.NONE)
			.run("--podsite.feed.schedule=true", "--podsite.feed.refresh=" + REFRESH,
					"--podsite.feed.url=" + Fixtures.feed("real/serial_simplecast_40items.rss").toUri())) {
			Instant started = Instant.now();
			JdbcTemplate jdbc = site.getBean(JdbcTemplate.class);
			List<Instant> runs = Database.importStartsSince(jdbc, before);
			Instant deadline = started.plus(REFRESH.multipliedBy(4));
			while (runs.size() < 3 && Instant.now().isBefore(deadline)) {
				Thread.sleep(100);
				runs = Database.importStartsSince(jdbc, before);
			}
			assertThat(runs).as("imports within four refreshes of start-up").hasSizeGreaterThanOrEqualTo(3);
			assertThat(runs.get(0)).as("the first import starts with the site, not a refresh later")
				.isBefore(started.plus(REFRESH.dividedBy(2)));
			for (int i = 1; i < runs.size(); i++) {
				assertThat(Duration.between(runs.get(i - 1), runs.get(i))).as("time between imports")
					.isBetween(REFRESH.minusMillis(100), REFRESH.plusSeconds(3));
			}
			assertThat(jdbc.queryForList("SELECT status FROM import_run WHERE started_at >= ?", String.class,
					Timestamp.from(before)))
				.isSubsetOf("SUCCEEDED", "UNCHANGED", "RUNNING");
			// Measuring the artwork renders and reads the whole published feed: not while
			// the first pages are asked for.
			assertThat(site.getBean(ScheduledTaskHolder.class).getScheduledTasks()).map(ScheduledTask::getTask)
				.filteredOn((task) -> task instanceof FixedDelayTask fixed
						&& fixed.getIntervalDuration().equals(FeedImportScheduler.ARTWORK_TICK))
				.singleElement()
				.extracting((task) -> ((FixedDelayTask) task).getInitialDelayDuration())
				.isEqualTo(FeedImportScheduler.ARTWORK_FIRST);
		}
	}

}
