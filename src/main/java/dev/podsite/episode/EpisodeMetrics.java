package dev.podsite.episode;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.podsite.support.SiteContentChanged;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code podsite.episodes}: how many episodes stand in each state (published, scheduled,
 * draft, left_the_feed, deleted), as the host's lists count them. One grouped query
 * serves all the gauges of a scrape: its counts are kept a second, and dropped at every
 * change.
 */
@Component
class EpisodeMetrics implements MeterBinder {

	private static final long KEEP_NANOS = 1_000_000_000L;

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile @Nullable Counted counted;

	EpisodeMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (EpisodeState state : EpisodeState.values()) {
			Gauge.builder("podsite.episodes", this, (metrics) -> metrics.count(state))
				.description("Episodes by state")
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forget(SiteContentChanged change) {
		this.counted = null;
	}

	private double count(EpisodeState state) {
		Counted current = this.counted;
		if (current == null || System.nanoTime() - current.at() > KEEP_NANOS) {
			current = new Counted(countByState(), System.nanoTime());
			this.counted = current;
		}
		return current.byState().getOrDefault(state, 0L);
	}

	// The same rules as EpisodeState.of, in SQL.
	private Map<EpisodeState, Long> countByState() {
		Map<EpisodeState, Long> counts = new EnumMap<>(EpisodeState.class);
		this.jdbc.sql("""
				SELECT CASE
						WHEN deleted_at IS NOT NULL THEN 'DELETED'
						WHEN hidden THEN 'LEFT_THE_FEED'
						WHEN status = 'DRAFT' THEN 'DRAFT'
						WHEN published_at > :now THEN 'SCHEDULED'
						ELSE 'PUBLISHED'
					END AS state, count(*) AS episodes
				FROM episode
				GROUP BY 1
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.query((row, i) -> Map.entry(EpisodeState.valueOf(row.getString("state")), row.getLong("episodes")))
			.list()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	private record Counted(Map<EpisodeState, Long> byState, long at) {
	}

}
