package dev.podsite.notes;

import java.time.Duration;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notes of 2 MB nested every way the sanitizer repairs come out repaired in seconds: the
 * work grows with the size of the notes, not with its square (a repair that looked for
 * the first misplaced block again after each fix took half an hour on such notes). Those
 * that make more elements than the site keeps are cut.
 */
class HostileNotesTests {

	private static final String BASE = "https://show.example/podcast/";

	private static final int SIZE = 2 * 1024 * 1024;

	/**
	 * A bound on the growth, not a speed to reach: about a second on a quiet machine, 10
	 * s beside a loaded build, half an hour for the repair that grew with the square.
	 */
	private static final Duration LIMIT = Duration.ofMinutes(1);

	private static final Set<String> PHRASING_ONLY = Set.of("p", "span", "strong", "b", "em", "i", "u", "s", "code",
			"small", "sub", "sup", "h2", "h3", "h4", "h5", "h6", "pre");

	private static final Set<String> BLOCKS = Set.of("p", "div", "ul", "ol", "dl", "blockquote", "pre", "h2", "h3",
			"h4", "h5", "h6", "table", "figure", "hr");

	@ParameterizedTest
	@ValueSource(strings = { "<span><p>x</p></span>", "<b><div>x", "<span><ul><li>x</li></ul></span>",
			"<b><p>x</p></b>", "<h2><p>x</p></h2>", "<span><ol><span><li>x", "<a>x</a>", "<i>x" })
	void twoMegabytesOfNestedBlocksAreRepairedInSeconds(String unit) {
		assertRepairedInTime(unit.repeat(SIZE / unit.length()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "span", "b", "a" })
	void deepNestingAroundABlockIsRepairedInSeconds(String element) {
		assertRepairedInTime(("<" + element + ">").repeat(10_000) + "<p>x</p>" + ("</" + element + ">").repeat(10_000));
	}

	@ParameterizedTest
	@ValueSource(strings = { "<b>x</b>", "<hr>x" })
	void manyNodesBetweenTheItemsOfAListOrUnderADeepPileAreRepairedInSeconds(String unit) {
		assertRepairedInTime("<ul>" + unit.repeat(SIZE / unit.length()) + "</ul>");
		assertRepairedInTime("<b>".repeat(600) + unit.repeat(SIZE / unit.length()));
	}

	private static void assertRepairedInTime(String html) {
		long started = System.nanoTime();
		NotesSanitizer.Parsed parsed = NotesSanitizer.parse(html, BASE);
		Document clean = NotesSanitizer.sanitize(parsed.document(), BASE);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT);
		for (Element block : clean.body().getAllElements()) {
			if (BLOCKS.contains(block.normalName())) {
				Element holder = block.parent();
				while (holder.nameIs("a")) {
					holder = holder.parent();
				}
				assertThat(holder.normalName()).as("what holds a %s", block.normalName()).isNotIn(PHRASING_ONLY);
			}
		}
		long text = clean.body().text().chars().filter((c) -> c == 'x').count();
		if (parsed.cut()) {
			assertThat(clean.body().getAllElements()).as("cut after the most elements the site keeps")
				.hasSizeLessThan(ShowNotes.MAX_ELEMENTS + 100);
			assertThat(text).isPositive();
		}
		else {
			assertThat(text).as("the text, whole").isEqualTo(html.chars().filter((c) -> c == 'x').count());
		}
	}

}
