package dev.podsite.feedimport;

import dev.podsite.support.HostNotice;

import java.util.List;

/**
 * What a chapter or transcript file holds, in the order of the audio, and what its reader
 * had to forgive, as clauses about the file ("2 blocks that are not a cue … were
 * skipped").
 */
record ParsedFile<T>(List<T> items, List<HostNotice> warnings) {

	ParsedFile {
		items = List.copyOf(items);
		warnings = List.copyOf(warnings);
	}

}
