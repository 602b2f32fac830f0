package dev.podsite.notes;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notes longer than the site keeps are cut where nothing breaks: before a tag, after a
 * word, never inside a character; the elements open there are closed, and a last
 * paragraph tells listeners.
 */
class LongNotesTests {

	private static final String BASE = "https://show.example/podcast/";

	private static final String CUT_SHORT = "<p>(These notes are cut short here: they are longer than this site"
			+ " keeps.)</p>";

	@Test
	void notesThatFitAreKeptWhole() {
		String notes = "<p>Short notes, <a href=\"https://a.example/\">a link</a>.</p>";
		ShowNotes whole = ShowNotes.fromFeed(notes, BASE, ShowNotes.sizeInBytes(notes));
		assertThat(whole).isEqualTo(ShowNotes.fromFeed(notes, BASE));
		assertThat(whole.cut()).isFalse();
	}

	@Test
	void notesAreCutBeforeTheTagTheLimitFallsInAndTheOpenElementsClosed() {
		String notes = "<ul><li><a href=\"https://a.example/\">First</a></li>"
				+ "<li><a href=\"https://b.example/\">Second</a></li></ul><p>More</p>";
		ShowNotes cut = ShowNotes.fromFeed(notes, BASE, notes.indexOf("https://b.example/"));
		assertThat(cut.html()).isEqualTo("<ul><li><a href=\"https://a.example/\" rel=\"nofollow noopener\">First</a>"
				+ "</li><li></li></ul>" + CUT_SHORT);
		assertThat(cut.links()).containsExactly(new NoteLink("First", "https://a.example/"));
	}

	@Test
	void textIsCutAfterItsLastWholeWord() {
		String notes = "<p>One two three four five</p>";
		assertThat(ShowNotes.fromFeed(notes, BASE, notes.indexOf("four") + 2).html())
			.isEqualTo("<p>One two three</p>" + CUT_SHORT);
	}

	@Test
	void plainTextIsCutAfterAWordAndStaysPlainText() {
		String notes = "First paragraph.\n\nSecond paragraph, with a link: https://example.com/a";
		assertThat(ShowNotes.fromFeed(notes, BASE, notes.indexOf("with") + 2).html())
			.isEqualTo("<p>First paragraph.</p><p>Second paragraph,</p>" + CUT_SHORT);
	}

	@Test
	void aCharacterIsNeverCutInTwo() {
		String notes = "<p>" + "😀".repeat(10) + "</p>";
		ShowNotes cut = ShowNotes.fromFeed(notes, BASE, "<p>".length() + 6);
		assertThat(cut.html()).isEqualTo("<p>😀</p>" + CUT_SHORT);
	}

	@Test
	void notesThatMakeTooManyElementsAreCutThere() {
		// Each paragraph opens the twenty formatting elements again: 14 elements in 8
		// bytes.
		String notes = "<p>" + "<b><i><u><s><em><strong><code><small><sub><sup>".repeat(2) + "x</p>"
				+ "<p>x</p>".repeat(64 * 1024);
		ShowNotes cut = ShowNotes.fromHtml(notes, BASE);
		assertThat(cut.cut()).isTrue();
		assertThat(cut.html()).startsWith("<p><b><i><u><s><em><strong><code><small><sub><sup>").endsWith(CUT_SHORT);
		assertThat(cut.html().length()).isLessThan(ShowNotes.MAX_ELEMENTS * 12);
	}

	@Test
	void theSizeIsCountedInUtf8() {
		String text = "a é € 😀 <p>";
		assertThat(ShowNotes.sizeInBytes(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
	}

}
