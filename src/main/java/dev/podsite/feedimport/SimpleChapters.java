package dev.podsite.feedimport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import com.rometools.modules.psc.modules.PodloveSimpleChapterModule;
import com.rometools.modules.psc.types.SimpleChapter;
import com.rometools.rome.feed.synd.SyndEntry;
import dev.podsite.episode.Chapter;
import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;

/**
 * The Podlove Simple Chapters inside an item: {@code <psc:chapters><psc:chapter
 * start="00:01:02.500" title="…" href="…" image="…"/></psc:chapters>}, as rome-modules'
 * PSC module (registered by its own rome.properties, for RSS 2.0 and Atom) hands them
 * over: attributes as text. A chapter without a readable start or a title is skipped,
 * with a warning.
 */
final class SimpleChapters {

	private SimpleChapters() {
	}

	/**
	 * @param webUrl keeps a web address (its text and what it is, for a warning) or null
	 */
	static List<Chapter> of(SyndEntry entry, String named, BiFunction<String, HostNotice, String> webUrl,
			List<HostNotice> warnings) {
		if (!(entry.getModule(PodloveSimpleChapterModule.URI) instanceof PodloveSimpleChapterModule psc)
				|| psc.getChapters() == null) {
			return List.of();
		}
		List<Chapter> chapters = new ArrayList<>();
		int skipped = 0;
		for (SimpleChapter chapter : psc.getChapters()) {
			Double start = TimeCodes.seconds(chapter.getStart());
			String title = (chapter.getTitle() != null) ? CueText.collapsed(chapter.getTitle()) : "";
			if (start == null || title.isEmpty()) {
				skipped++;
				continue;
			}
			chapters.add(new Chapter(start, null, (title.length() <= 500) ? title : title.substring(0, 499) + "…",
					webUrl.apply(chapter.getHref(), HostNotice.of("feed.what.chapterLink", title, named)),
					webUrl.apply(chapter.getImage(), HostNotice.of("feed.what.chapterImage", title, named)), true));
		}
		if (skipped > 0) {
			warnings.add(HostNotice.of("feed.simpleChapters.skipped", skipped, Counts.form(skipped), named));
		}
		List<HostNotice> cut = new ArrayList<>();
		List<Chapter> inOrder = JsonChapters.inOrder(chapters, cut);
		cut.forEach((warning) -> warnings.add(HostNotice.of("feed.simpleChapters.cut", named, warning)));
		return inOrder;
	}

}
