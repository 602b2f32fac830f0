package dev.podsite.feedimport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the import fetches the chapter and transcript files that items point to.
 *
 * @param maxBytes the largest file accepted, after decompression
 * @param timeBudget how long the files of one import may take together, after the
 * episodes are committed; files not reached by then wait for the next import
 * @param recheck how long a file read without trouble is trusted before it is asked for
 * again (conditionally: an unchanged file answers 304 and is not downloaded); a file that
 * failed, or that an episode still lacks, is asked for at every import
 */
@ConfigurationProperties("podsite.media-files")
public record MediaFilesProperties(@DefaultValue("5MB") DataSize maxBytes, @DefaultValue("PT2M") Duration timeBudget,
		@DefaultValue("P1D") Duration recheck) {

	/** The defaults. */
	static MediaFilesProperties defaults() {
		return new MediaFilesProperties(DataSize.ofMegabytes(5), Duration.ofMinutes(2), Duration.ofDays(1));
	}

}
