package dev.podsite.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTests {

	@Test
	void theTextIsEscapedAndOnlyItsMarksBecomeHtml() {
		assertThat(Highlights.html("\u0002Ferris\u0003 <b>&amp; \u0004script>\"'"))
			.isEqualTo("<mark>Ferris</mark> &lt;b&gt;&amp;amp; &lt;script&gt;&quot;&#39;");
		assertThat(Highlights.html("\u0002open")).isEqualTo("<mark>open</mark>");
		assertThat(Highlights.html("stray\u0003")).isEqualTo("stray");
	}

}
