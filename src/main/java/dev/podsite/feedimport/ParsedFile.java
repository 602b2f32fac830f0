package dev.podsite.feedimport;

import java.util.List;

/**
 * What a chapter or transcript file holds, in the order of the audio, and what its reader
 * had to forgive, as ends of sentences about the file ("skipped 2 cues without a time").
 */
record ParsedFile<T>(List<T> items, List<String> warnings) {

	ParsedFile {
		items = List.copyOf(items);
		warnings = List.copyOf(warnings);
	}

}
