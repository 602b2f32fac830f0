package dev.podsite.feedimport;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code podsite.import}: every import run that ended, timed from its start to its end
 * and tagged with its outcome ({@code succeeded}, {@code unchanged}, {@code failed},
 * {@code skipped}), so an alert can watch failures and slow imports.
 */
@Component
class ImportMetrics {

	private final Map<ImportStatus, Timer> byOutcome = new EnumMap<>(ImportStatus.class);

	ImportMetrics(MeterRegistry registry) {
		for (ImportStatus status : ImportStatus.values()) {
			if (status != ImportStatus.RUNNING) {
				this.byOutcome.put(status,
						Timer.builder("podsite.import")
							.description("Import runs of the show's feed, by outcome")
							.tag("outcome", status.name().toLowerCase(Locale.ROOT))
							.register(registry));
			}
		}
	}

	void ended(ImportRun run) {
		Timer timer = this.byOutcome.get(run.getStatus());
		Duration duration = run.getDuration();
		if (timer != null && duration != null) {
			timer.record(duration);
		}
	}

}
