package dev.podsite.feedimport;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.podsite.episode.Chapter;
import dev.podsite.support.WebAddresses;
import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Podcasting 2.0 JSON chapters file ({@code podcast:chapters}):
 * {@code {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…", "img": "…",
 * "url": "…", "toc": false, "endTime": 60}]}}. Chapters without a title are left out: the
 * spec allows them to change the artwork alone, which the pages do not show. A chapter
 * without a readable start is skipped with a warning; addresses are kept when they are
 * web addresses, resolved against the file's own.
 */
final class JsonChapters {

	/** Far more than any episode has: a longer list is junk or an attack. */
	static final int MOST_CHAPTERS = 1_000;

	private JsonChapters() {
	}

	static ParsedFile<Chapter> parse(String text, URI fileUrl) throws MalformedFileException {
		JsonNode list = JsonFiles.list(text, "chapters");
		List<Chapter> chapters = new ArrayList<>();
		List<HostNotice> warnings = new ArrayList<>();
		int unreadable = 0;
		int droppedAddresses = 0;
		for (int i = 0; i < list.size(); i++) {
			JsonNode chapter = list.get(i);
			Double start = chapter.isObject() ? JsonFiles.seconds(chapter.get("startTime")) : null;
			if (start == null) {
				unreadable++;
				continue;
			}
			String title = CueText.label(JsonFiles.text(chapter.get("title")));
			if (title == null) {
				continue;
			}
			Double end = JsonFiles.seconds(chapter.get("endTime"));
			String url = web(JsonFiles.text(chapter.get("url")), fileUrl);
			String image = web(JsonFiles.text(chapter.get("img")), fileUrl);
			droppedAddresses += dropped(chapter.get("url"), url) + dropped(chapter.get("img"), image);
			JsonNode toc = chapter.get("toc");
			chapters.add(new Chapter(start, (end != null && end > start) ? end : null, title, url, image,
					toc == null || !toc.isBoolean() || toc.booleanValue()));
		}
		if (unreadable > 0) {
			warnings.add(HostNotice.of("file.chaptersSkipped", unreadable, Counts.form(unreadable)));
		}
		if (droppedAddresses > 0) {
			warnings.add(HostNotice.of("file.addressesDropped", droppedAddresses, Counts.form(droppedAddresses)));
		}
		return new ParsedFile<>(inOrder(chapters, warnings), warnings);
	}

	/** Chapters by their start, those of one moment in the file's order; capped. */
	static List<Chapter> inOrder(List<Chapter> chapters, List<HostNotice> warnings) {
		List<Chapter> sorted = new ArrayList<>(chapters);
		sorted.sort(Comparator.comparingDouble(Chapter::start));
		if (sorted.size() > MOST_CHAPTERS) {
			warnings.add(HostNotice.of("file.chaptersKept", MOST_CHAPTERS, sorted.size()));
			return sorted.subList(0, MOST_CHAPTERS);
		}
		return sorted;
	}

	private static @Nullable String web(@Nullable String address, URI fileUrl) {
		return WebAddresses.web(address, fileUrl);
	}

	private static int dropped(@Nullable JsonNode given, @Nullable String kept) {
		String text = JsonFiles.text(given);
		return (text != null && !text.isBlank() && kept == null) ? 1 : 0;
	}

}
