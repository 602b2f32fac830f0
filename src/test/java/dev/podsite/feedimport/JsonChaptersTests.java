package dev.podsite.feedimport;

import java.net.URI;

import dev.podsite.episode.Chapter;
import dev.podsite.support.HostNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonChaptersTests {

	private static final URI FILE = URI.create("https://cdn.example/show/ep1/chapters.json");

	@Test
	void readsTheSpecsExample() throws Exception {
		ParsedFile<Chapter> parsed = JsonChapters.parse("""
				{
				  "version": "1.2.0",
				  "chapters": [
				    {"startTime": 0, "title": "Intro", "img": "https://example.com/images/intro.jpg"},
				    {"startTime": 168.5, "title": "Hearing Aids", "url": "https://example.com/hearing", "endTime": 300},
				    {"startTime": 300, "title": "Sponsor", "toc": false},
				    {"startTime": 1002, "title": "Rust 2024"}
				  ]
				}
				""", FILE);
		assertThat(parsed.items()).containsExactly(
				new Chapter(0, null, "Intro", null, "https://example.com/images/intro.jpg", true),
				new Chapter(168.5, 300.0, "Hearing Aids", "https://example.com/hearing", null, true),
				new Chapter(300, null, "Sponsor", null, null, false),
				new Chapter(1002, null, "Rust 2024", null, null, true));
		assertThat(HostNotice.english(parsed.warnings())).isEmpty();
	}

	@Test
	void sortsByStartReadsTimesWrittenAsTextAndResolvesRelativeAddresses() throws Exception {
		ParsedFile<Chapter> parsed = JsonChapters.parse("""
				{"chapters": [
				  {"startTime": "00:01:02.5", "title": "Second", "img": "art/2.png"},
				  {"startTime": 1.25, "title": "  First  <b>chapter</b> &amp; more "}
				]}
				""", FILE);
		assertThat(parsed.items()).containsExactly(new Chapter(1.25, null, "First chapter & more", null, null, true),
				new Chapter(62.5, null, "Second", null, "https://cdn.example/show/ep1/art/2.png", true));
	}

	@Test
	void skipsChaptersWithoutAStartWithAWarningAndThoseWithoutATitleQuietly() throws Exception {
		ParsedFile<Chapter> parsed = JsonChapters.parse("""
				{"chapters": [
				  {"title": "No start"},
				  {"startTime": -5, "title": "Negative"},
				  {"startTime": "soon", "title": "Words"},
				  "not an object",
				  {"startTime": 10, "img": "https://example.com/only-art.png"},
				  {"startTime": 20, "title": ""},
				  {"startTime": 30, "title": "Kept", "url": "javascript:alert(1)", "img": "data:image/png;base64,xx"}
				]}
				""", FILE);
		assertThat(parsed.items()).containsExactly(new Chapter(30, null, "Kept", null, null, true));
		assertThat(HostNotice.english(parsed.warnings())).containsExactly(
				"4 chapters without a readable startTime were skipped",
				"2 addresses that are not http or https were dropped");
	}

	@Test
	void readsAnEmptyList() throws Exception {
		assertThat(JsonChapters.parse("{\"version\": \"1.2.0\", \"chapters\": []}", FILE).items()).isEmpty();
	}

	@Test
	void keepsTheFirstChaptersOfAnEndlessList() throws Exception {
		StringBuilder json = new StringBuilder("{\"chapters\": [");
		for (int i = 0; i < 1_005; i++) {
			json.append((i > 0) ? "," : "").append("{\"startTime\": ").append(i).append(", \"title\": \"c\"}");
		}
		ParsedFile<Chapter> parsed = JsonChapters.parse(json.append("]}").toString(), FILE);
		assertThat(parsed.items()).hasSize(1_000);
		assertThat(HostNotice.english(parsed.warnings()))
			.containsExactly("only its first 1,000 chapters of 1,005 were kept");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			' '                                    | is empty
			<html><body>404</body></html>          | is not JSON (
			{"chapters": [                         | is not JSON (
			[1, 2, 3]                              | is not a JSON object
			"chapters"                             | is not a JSON object
			{"version": "1.2.0"}                   | has no "chapters" list
			{"chapters": {"startTime": 0}}         | has no "chapters" list
			""")
	void aFileThatIsNoChaptersFileIsMalformed(String text, String reason) {
		assertThatExceptionOfType(MalformedFileException.class).isThrownBy(() -> JsonChapters.parse(text, FILE))
			.withMessageStartingWith(reason);
	}

	@Test
	void aDeeplyNestedDocumentIsMalformedNotAStackOverflow() {
		String deep = "{\"chapters\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
		assertThatExceptionOfType(MalformedFileException.class).isThrownBy(() -> JsonChapters.parse(deep, FILE))
			.withMessageStartingWith("is not JSON (");
	}

}
