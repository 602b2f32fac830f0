package dev.podsite.notes;

import java.nio.file.Files;

import dev.podsite.support.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShowNotesTests {

	private static final String BASE = "https://show.example/podcast/";

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<img src=\"https://x.example/a.png\" onerror=\"alert(1)\">",
			"<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
			"<a href=\"&#106;avascript:alert(1)\">x</a>", "<iframe src=\"https://evil.example\"></iframe>",
			"<style>body{display:none}</style>", "<svg onload=\"alert(1)\"><circle/></svg>",
			"<p style=\"position:fixed\">x</p>", "<form action=\"https://evil.example\"><input name=\"p\"></form>",
			"<object data=\"x.swf\"></object>", "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
			"<math><mi>x</mi></math>", "<noscript><p>x</p></noscript>", "<p onmouseover=\"alert(1)\">x</p>" })
	void hostileMarkupIsRemoved(String hostile) {
		String html = ShowNotes.fromFeed("<p>Notes</p>" + hostile, BASE).html();
		assertThat(html.toLowerCase()).doesNotContain("<script", "onerror", "javascript:", "<iframe", "<style", "<svg",
				"style=", "<form", "<input", "<object", "data:", "<math", "<noscript", "onmouseover", "onload");
		assertThat(html).startsWith("<p>Notes</p>");
	}

	@Test
	void linksKeepHrefAndTextAndGetNofollowNoopener() {
		ShowNotes notes = ShowNotes.fromFeed("<p>See <a href=\"https://rust-lang.org\" target=\"_blank\">Rust</a></p>",
				BASE);
		assertThat(notes.html())
			.isEqualTo("<p>See <a href=\"https://rust-lang.org\" rel=\"nofollow noopener\">Rust</a></p>");
		assertThat(notes.links()).containsExactly(new NoteLink("Rust", "https://rust-lang.org"));
	}

	@Test
	void relativeAndProtocolRelativeUrlsBecomeAbsolute() {
		ShowNotes notes = ShowNotes.fromFeed(
				"<p><a href=\"/about\">About</a> <a href=\"guests/ann\">Ann</a> <a href=\"//cdn.example/x\">CDN</a>"
						+ " <img src=\"art.png\" alt=\"art\"></p>",
				BASE);
		assertThat(notes.links()).extracting(NoteLink::url)
			.containsExactly("https://show.example/about", "https://show.example/podcast/guests/ann",
					"https://cdn.example/x");
		assertThat(notes.html()).contains("src=\"https://show.example/podcast/art.png\"");
	}

	@Test
	void withoutABaseRelativeLinksKeepOnlyTheirText() {
		ShowNotes notes = ShowNotes.fromFeed("<p><a href=\"/about\">About</a> us</p>", null);
		assertThat(notes.html()).isEqualTo("<p>About us</p>");
		assertThat(notes.links()).isEmpty();
	}

	@Test
	void plainTextBecomesParagraphsWithLinkedUrls() {
		ShowNotes notes = ShowNotes.fromFeed(
				"Welcome to the show.\nSecond line & more.\n\nLinks: https://tokio.rs and www.rust-lang.org.", BASE);
		assertThat(notes.html()).isEqualTo("<p>Welcome to the show.<br>Second line &amp; more.</p>"
				+ "<p>Links: <a href=\"https://tokio.rs\" rel=\"nofollow noopener\">https://tokio.rs</a> and "
				+ "<a href=\"https://www.rust-lang.org\" rel=\"nofollow noopener\">www.rust-lang.org</a>.</p>");
		assertThat(notes.links()).extracting(NoteLink::url)
			.containsExactly("https://tokio.rs", "https://www.rust-lang.org");
	}

	@Test
	void plainTextWithAngleBracketsKeepsAllItsText() {
		ShowNotes notes = ShowNotes.fromFeed("We use Vec<T> here.\n\nSecond paragraph https://example.com", BASE);
		assertThat(notes.html()).isEqualTo("<p>We use Vec&lt;T&gt; here.</p><p>Second paragraph "
				+ "<a href=\"https://example.com\" rel=\"nofollow noopener\">https://example.com</a></p>");
		assertThat(notes.links()).containsExactly(new NoteLink("https://example.com", "https://example.com"));
	}

	@Test
	void onlyElementsHtmlKnowsMakeMarkup() {
		assertThat(ShowNotes.isMarkup("Option<String>, Result<T, E> and Box<dyn Error>")).isFalse();
		assertThat(ShowNotes.isMarkup("a <br> b")).isTrue();
		assertThat(ShowNotes.isMarkup("Vec<T> in <em>depth</em>")).isTrue();
	}

	@Test
	void whatSitsInAListBetweenItsItemsBecomesPartOfAnItem() {
		assertThat(ShowNotes.fromFeed("<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>", BASE).html())
			.isEqualTo("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>");
		assertThat(ShowNotes.fromFeed("<ol><strong>Guests</strong> and friends<li>a</li></ol>", BASE).html())
			.isEqualTo("<ol><li><strong>Guests</strong> and friends</li><li>a</li></ol>");
	}

	@Test
	void blocksDoNotStayInsideTextLevelElements() {
		// <span/> is no empty element in HTML: the span holds what follows.
		assertThat(
				ShowNotes.fromFeed("<div><strong>Description:</strong><span/><p>a</p><ul><li>b</li></ul></div>", BASE)
					.html())
			.isEqualTo("<div><strong>Description:</strong><div><p>a</p><ul><li>b</li></ul></div></div>");
		assertThat(ShowNotes.fromFeed("<h2><p>Title</p></h2>", BASE).html()).isEqualTo("<h2>Title</h2>");
		assertThat(ShowNotes.fromFeed("<b><p>a</p><p>b</p></b>", BASE).html()).isEqualTo("<p>a</p><p>b</p>");
		assertThat(ShowNotes.fromFeed("<span><a href=\"https://x.example\"><p>a</p></a></span>", BASE).html())
			.isEqualTo("<div><a href=\"https://x.example\" rel=\"nofollow noopener\"><p>a</p></a></div>");
	}

	@Test
	void urlsArePercentEncodedWhereABrowserWouldEncodeThem() {
		ShowNotes notes = ShowNotes
			.fromFeed("<p><a href=\"https://x.example/Copy - PC2052?q=\\&quot;a|b&quot;#x#y\">A</a>"
					+ "<a href=\"https://x.example/&amp;quothttps://y.example/Wing&quot;\">B</a>"
					+ "<img src=\"https://x.example/a\tb%.png\" alt=\"C\"></p>", BASE);
		assertThat(notes.links()).extracting(NoteLink::url)
			.containsExactly("https://x.example/Copy%20-%20PC2052?q=%5C%22a%7Cb%22#x%23y",
					"https://x.example/&quothttps://y.example/Wing%22");
		assertThat(notes.html()).contains("src=\"https://x.example/ab%25.png\"");
	}

	@Test
	void invalidUrlsAreDroppedAndTheirTextKept() {
		ShowNotes notes = ShowNotes.fromFeed("<p><a href=\"http://exa mple.com/\">A</a> <a href=\"https:///x\">B</a>"
				+ " <img src=\"http://[x/a.png\" alt=\"C\"> <img src=\"https://\"></p>", BASE);
		assertThat(notes.html()).isEqualTo("<p>A B C </p>");
		assertThat(notes.links()).isEmpty();
	}

	@Test
	void headingsStartBelowThePagesTitleWithoutSkippingLevels() {
		assertThat(ShowNotes.fromFeed("<h1>A</h1><h3>B</h3>", BASE).html()).isEqualTo("<h2>A</h2><h4>B</h4>");
		assertThat(ShowNotes.fromFeed("<h3>Links</h3><h4>More</h4>", BASE).html())
			.isEqualTo("<h2>Links</h2><h3>More</h3>");
	}

	@Test
	void sanitizingIsIdempotent() {
		String once = ShowNotes
			.fromFeed("<h1>T</h1><p>a <b>b</b> <a href=\"/x y\">x</a><img src=\"/i.png\"></p><ul><li>1</li></ul>"
					+ "<ul><b>2</b><ol><li>3</li></ol></ul><span><p>4</p></span>", BASE)
			.html();
		assertThat(ShowNotes.fromHtml(once, BASE).html()).isEqualTo(once);
	}

	@Test
	void linksAreListedInOrderWithoutRepeats() {
		ShowNotes notes = ShowNotes.fromFeed(
				"<p><a href=\"https://a.example\">A</a> <a href=\"https://b.example\">"
						+ "  B\n text </a> <a href=\"https://a.example\">A</a> <a href=\"https://c.example\"></a></p>",
				BASE);
		assertThat(notes.links()).containsExactly(new NoteLink("A", "https://a.example"),
				new NoteLink("B text", "https://b.example"), new NoteLink("https://c.example", "https://c.example"));
	}

	@Test
	void theSummaryIsTheOpeningProseCutAtAWord() {
		ShowNotes notes = ShowNotes.fromFeed(
				"<p>Rust in production at a large company, with many stories to tell"
						+ " about ownership.</p><h2>Links</h2><ul><li><a href=\"https://x.example\">X</a></li></ul>",
				BASE);
		assertThat(notes.summary(500))
			.isEqualTo("Rust in production at a large company, with many stories to tell about ownership.");
		assertThat(notes.summary(30)).isEqualTo("Rust in production at a large…");
		assertThat(notes.plainText()).contains("Links X");
	}

	@Test
	void emptyNotesStayEmpty() {
		assertThat(ShowNotes.fromFeed(null, BASE)).isEqualTo(ShowNotes.fromFeed("   ", BASE));
		assertThat(ShowNotes.fromFeed(null, BASE).html()).isEmpty();
		assertThat(ShowNotes.fromFeed(null, BASE).summary(10)).isEmpty();
	}

	@Test
	void everyDescriptionOfARealFeedComesOutSafeWithAbsoluteLinks() throws Exception {
		Document feed = Jsoup.parse(Files.readString(Fixtures.feed("real/coding-blocks_libsyn_83items.xml")), "",
				Parser.xmlParser());
		assertThat(feed.select("item")).hasSize(83);
		for (Element item : feed.select("item")) {
			ShowNotes notes = ShowNotes.fromFeed(item.select("description").text(), "https://www.codingblocks.net/");
			assertThat(notes.html()).doesNotContain("<script", "javascript:");
			assertThat(notes.links()).allSatisfy((link) -> assertThat(link.url()).matches("^(https?|mailto):.*"));
			assertThat(ShowNotes.fromHtml(notes.html(), "https://www.codingblocks.net/").html())
				.isEqualTo(notes.html());
		}
	}

	@Test
	void summariesAreProseWithoutTheAddressesNotesSpellOut() {
		ShowNotes notes = ShowNotes.fromFeed("<p>We talk about Rust at scale (https://rust-lang.org)."
				+ " Listen on the hosting platform: https://letscast.fm/sites/rust-in-production-82281512</p>"
				+ "<p>See www.example.com for more.</p>", BASE);
		assertThat(notes.summary(280)).isEqualTo("We talk about Rust at scale. See for more.");
		assertThat(notes.plainText()).contains("https://letscast.fm/sites/rust-in-production-82281512");
	}

}
