package dev.podsite.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Error pages go through the servlet container, so these tests use real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void importAShow() {
		Database.clear(this.jdbc);
		new SiteData(this.context).store(TestEpisodes.show("All About Everything"), TestEpisodes.large(3));
	}

	@Test
	void anUnknownEpisodeAnswersAFriendlyNotFoundPage() throws Exception {
		HttpResponse<String> response = get("/episodes/no-such-episode");
		assertThat(response.statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("Not found");
		assertThat(page.select("a[href=/episodes]")).isNotEmpty();
		assertThat(page.select(".site-title").text()).isEqualTo("All About Everything");
	}

	@Test
	void anUnknownAddressAnswersTheSamePage() throws Exception {
		HttpResponse<String> response = get("/no/such/page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Not found");
	}

	@Test
	void aListPageThatIsNoNumberIsNotFoundEither() throws Exception {
		HttpResponse<String> response = get("/episodes?page=abc");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Not found");
	}

	private HttpResponse<String> get(String path) throws Exception {
		// As a browser asks: an API client without Accept: text/html gets JSON instead.
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,application/xhtml+xml")
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
