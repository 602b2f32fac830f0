package dev.podsite.search;

/**
 * A highlighted text from the database (ts_headline) as HTML: the text escaped whole,
 * then its marks made {@code <mark>}. The text is the show's own (notes, transcripts), so
 * nothing in it is ever markup.
 */
final class Highlights {

	/**
	 * Where a highlighted word starts and ends, as V11's search_text leaves none in text.
	 */
	static final char START = '\u0002';

	static final char STOP = '\u0003';

	/** How V11's search_text keeps '<' from the text search parser, which skips tags. */
	private static final char LESS_THAN = '\u0004';

	/** The ts_headline options that mark words this way. */
	static final String MARKS = "StartSel=" + START + ", StopSel=" + STOP;

	private Highlights() {
	}

	static String html(String marked) {
		StringBuilder html = new StringBuilder(marked.length() + 32);
		boolean open = false;
		for (int i = 0; i < marked.length(); i++) {
			char c = marked.charAt(i);
			switch (c) {
				case START -> {
					if (!open) {
						html.append("<mark>");
						open = true;
					}
				}
				case STOP -> {
					if (open) {
						html.append("</mark>");
						open = false;
					}
				}
				case LESS_THAN, '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '&' -> html.append("&amp;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
		}
		if (open) {
			html.append("</mark>");
		}
		return html.toString();
	}

}
