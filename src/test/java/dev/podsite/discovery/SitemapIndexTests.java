package dev.podsite.discovery;

import java.util.ArrayList;
import java.util.List;

import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.podsite.discovery.SitemapTests.SITE;
import static dev.podsite.discovery.SitemapTests.assertValid;
import static dev.podsite.discovery.SitemapTests.locations;
import static dev.podsite.discovery.SitemapTests.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Past the most addresses one sitemap may list (50,000, here 5), {@code /sitemap.xml} is
 * an index of sitemaps that list them all between them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "podsite.sitemap.max-urls=5")
class SitemapIndexTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void pastTheLimitTheSitemapIsAnIndexOfSitemapsThatListEveryPageOnce() throws Exception {
		Database.clear(this.jdbc);
		new SiteData(this.context).store(TestEpisodes.show("Show"), TestEpisodes.large(12));
		SiteHttp http = new SiteHttp(this.port);

		Document index = xml(http.body("/sitemap.xml"));
		assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
		assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(SitemapTests.NAMESPACE);
		assertValid(index, "sitemap");
		// The show, the list, 12 episodes, the people and the links: 16 addresses, 5 a
		// sitemap.
		assertThat(locations(index, "sitemap")).containsExactly(SITE + "/sitemaps/1.xml", SITE + "/sitemaps/2.xml",
				SITE + "/sitemaps/3.xml", SITE + "/sitemaps/4.xml");
		List<String> pages = new ArrayList<>();
		for (String sitemap : locations(index, "sitemap")) {
			Document part = xml(http.body(sitemap.substring(SITE.length())));
			assertThat(part.getDocumentElement().getLocalName()).isEqualTo("urlset");
			assertValid(part, "url");
			assertThat(locations(part, "url")).hasSizeLessThanOrEqualTo(5);
			pages.addAll(locations(part, "url"));
		}
		assertThat(pages).doesNotHaveDuplicates().hasSize(16).contains(SITE + "/", SITE + "/episodes");
		assertThat(pages.stream().filter((page) -> page.startsWith(SITE + "/episodes/"))).hasSize(12);
		assertThat(http.get("/sitemaps/5.xml").statusCode()).isEqualTo(404);
		String etag = http.get("/sitemaps/2.xml").headers().firstValue("ETag").orElseThrow();
		assertThat(http.get("/sitemaps/2.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
	}

	@Test
	void theLimitIsTheProtocols() {
		assertThat(new SitemapProperties(50_000).maxUrls()).isEqualTo(50_000);
		assertThatIllegalArgumentException().isThrownBy(() -> new SitemapProperties(50_001));
		assertThatIllegalArgumentException().isThrownBy(() -> new SitemapProperties(0));
	}

}
