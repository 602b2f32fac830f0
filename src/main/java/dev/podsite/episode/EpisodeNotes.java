package dev.podsite.episode;

import java.util.List;

import dev.podsite.notes.Markdown;
import dev.podsite.notes.ShowNotes;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * An episode's notes as stored: sanitized HTML, the plain-text summary lists show, every
 * link of the notes, and the Markdown the host wrote them in (null for a feed's notes).
 */
public record EpisodeNotes(String html, String summary, List<EpisodeLink> links, @Nullable String markdown) {

	/** How long the plain-text summary in lists may be. */
	public static final int SUMMARY_LENGTH = 280;

	public static final EpisodeNotes NONE = new EpisodeNotes("", "", List.of(), null);

	/** Notes from a feed: already sanitized {@link ShowNotes}. */
	public static EpisodeNotes of(ShowNotes notes) {
		return new EpisodeNotes(notes.html(), notes.summary(SUMMARY_LENGTH), links(notes), null);
	}

	/**
	 * The host's notes, written in Markdown.
	 * @param baseUrl what relative links resolve against: the site
	 */
	public static EpisodeNotes ofMarkdown(@Nullable String markdown, String baseUrl) {
		if (markdown == null || markdown.isBlank()) {
			return NONE;
		}
		ShowNotes notes = Markdown.toNotes(markdown, baseUrl);
		return new EpisodeNotes(notes.html(), notes.summary(SUMMARY_LENGTH), links(notes), markdown);
	}

	/** Whether notes list links of their own, in a list ("Links", "Mentioned"). */
	public static boolean listsLinks(String html) {
		return html.contains("<li") && !Jsoup.parseBodyFragment(html).select("li a[href]").isEmpty();
	}

	private static List<EpisodeLink> links(ShowNotes notes) {
		return notes.links().stream().map((link) -> new EpisodeLink(link.text(), link.url())).toList();
	}

}
