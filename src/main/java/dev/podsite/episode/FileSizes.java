package dev.podsite.episode;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * File sizes as listeners read them: 5 bytes, 980 kB, 4.2 MB, 48 MB (decimal units, as
 * feeds count bytes).
 */
final class FileSizes {

	private FileSizes() {
	}

	/** The size as a notice, its number formatted for the reader's language (4,2 MB). */
	static @Nullable HostNotice format(@Nullable Long bytes) {
		if (bytes == null || bytes <= 0) {
			return null;
		}
		if (bytes < 1000) {
			return HostNotice.of("size.bytes", bytes, Counts.form(bytes));
		}
		long kilobytes = Math.round(bytes / 1000.0);
		if (kilobytes < 1000) {
			return HostNotice.of("size.kilobytes", kilobytes);
		}
		// One decimal while it tells something: 4.2 MB, but 48 MB.
		BigDecimal megabytes = BigDecimal.valueOf(bytes, 6);
		int decimals = (megabytes.compareTo(BigDecimal.TEN) < 0) ? 1 : 0;
		return HostNotice.of("size.mb", megabytes.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros());
	}

}
