package dev.podsite.web;

import java.nio.file.Path;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.Pages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What an import brings reaches the pages as it should, across the modules: a hostile
 * feed's markup and addresses never as they were written, the demo snapshot marked as a
 * demo.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedToPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@TempDir
	private Path dir;

	private Pages pages;

	@BeforeEach
	void emptySite() {
		this.pages = new Pages(this.mvc);
		Database.clear(this.jdbc);
	}

	@Test
	void everyLinkOfTheNotesIsListedAndHostileMarkupIsGone() throws Exception {
		new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"),
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
						<title>Show</title><link>https://show.example/</link><description>d</description>
						<item><guid>h1</guid><title>Hostile</title><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
						<enclosure url="https://cdn.example/h.mp3" length="1" type="audio/mpeg"/>
						<content:encoded><![CDATA[<p>Read <a href="/blog">our blog</a> and <a href="https://rust-lang.org">Rust</a>.</p>
						<script>document.cookie</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">bad</a>
						<iframe src="https://evil.example"></iframe>]]></content:encoded></item>
						</channel></rss>
						""");
		String html = this.mvc.perform(get("/episodes/hostile")).andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain("<script>document", "onerror", "javascript:alert", "<iframe");
		Document page = Jsoup.parse(html);
		assertThat(page.select("section.links li a")).extracting((a) -> a.text() + " " + a.attr("href"))
			.containsExactly("our blog https://show.example/blog", "Rust https://rust-lang.org");
		assertThat(page.select(".notes a").attr("rel")).contains("nofollow").contains("noopener");
	}

	@Test
	void noJavascriptAddressOfTheFeedReachesThePages() throws Exception {
		new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
				  xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
				<title>Show</title><link>javascript:alert('chan')</link><description>d</description>
				<itunes:image href="javascript:alert('img')"/>
				<podcast:funding url="javascript:alert('fund')">Fund us</podcast:funding>
				<item><guid>j1</guid><title>Hostile</title><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
				<link>javascript:alert('link')</link>
				<enclosure url="javascript:alert('enc')" type="audio/mpeg" length="5"/>
				<itunes:image href="javascript:alert('epimg')"/>
				<podcast:person href="javascript:alert('person')" img="javascript:alert('face')">Eve</podcast:person>
				<podcast:transcript url="javascript:alert('tr')" type="text/html"/>
				<podcast:chapters url="javascript:alert('ch')" type="application/json+chapters"/>
				</item>
				<item><guid>j2</guid><title>Text post</title><pubDate>Sun, 31 Dec 2023 10:00:00 +0000</pubDate>
				<link>JavaScript:alert('text')</link></item>
				</channel></rss>
				""");
		for (String path : new String[] { "/", "/episodes", "/episodes/hostile", "/episodes/text-post" }) {
			String html = this.pages.html(path);
			assertThat(html).as(path).doesNotContainIgnoringCase("javascript:");
		}
		Document page = this.pages.page("/episodes/hostile");
		assertThat(page.select("ul.persons li").text()).contains("Eve");
	}

	@Test
	void theDemoSnapshotSaysPlainlyThatItIsADemo() throws Exception {
		new ImporterHarness(this.context).importFrom(this.dir.resolve("unreachable.xml"));
		Document page = this.pages.page("/");
		assertThat(page.select("h1").text()).isEqualTo("Rust in Production");
		assertThat(page.select(".demo-notice").text()).contains("demo").contains("until the real feed");
		assertThat(this.pages.page("/episodes").select(".demo-notice")).hasSize(1);
	}

}
