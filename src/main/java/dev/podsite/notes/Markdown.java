package dev.podsite.notes;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

/**
 * The host's notes, written in Markdown (CommonMark with tables and bare links), as
 * notes: rendered, then sanitized like any notes, since Markdown lets HTML through.
 */
public final class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	private Markdown() {
	}

	/**
	 * @param markdown what the host wrote; may be null
	 * @param baseUri what relative links resolve against (the site)
	 */
	public static ShowNotes toNotes(@Nullable String markdown, String baseUri) {
		if (markdown == null || markdown.isBlank()) {
			return ShowNotes.fromHtml("", baseUri);
		}
		return ShowNotes.fromHtml(RENDERER.render(PARSER.parse(markdown)), baseUri);
	}

}
