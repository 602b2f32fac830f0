package dev.podsite.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code podsite.locale}, every visitor gets that language, whatever the browser
 * asks for, and pages do not vary by Accept-Language.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "podsite.locale=ro")
class FixedInterfaceLanguageTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theConfiguredLanguageWinsOverTheBrowsers() throws Exception {
		Database.clear(this.jdbc);
		new SiteData(this.context).store(TestEpisodes.show("Rust Radio"), TestEpisodes.large(3));
		SiteHttp site = new SiteHttp(this.port);
		for (String languages : new String[] { "en-US,en;q=0.9", "ro", "fr" }) {
			HttpResponse<byte[]> response = site.get("/episodes", "Accept-Language", languages);
			Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
			assertThat(page.select("html").attr("lang")).isEqualTo("ro");
			assertThat(page.select("h1").text()).isEqualTo("Episoade");
			assertThat(response.headers().allValues("Vary"))
				.noneSatisfy((vary) -> assertThat(vary).contains("Accept-Language"));
		}
		assertThat(InterfaceLanguageTests.englishIn(Jsoup.parse(new String(site.body("/"), StandardCharsets.UTF_8)),
				InterfaceLanguageTests.englishPhrases()))
			.isEmpty();
	}

}
