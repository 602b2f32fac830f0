package dev.podsite.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.podsite.episode.ImportedEpisode;
import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept pages never hold more bytes than {@code podsite.page-cache.max-bytes}: past
 * it, the least recently used go first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "podsite.page-cache.max-bytes=64KB")
class PageCacheBoundTests {

	private static final long MAX_BYTES = 64 * 1024;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PublicPageCache cache;

	private final List<ImportedEpisode> episodes = TestEpisodes.large(40);

	@BeforeEach
	void aLargeShow() {
		Database.clear(this.jdbc);
		new SiteData(this.context).store(TestEpisodes.show("Launched"), this.episodes);
	}

	@Test
	void theLeastRecentlyUsedPagesGoFirstPastTheBound() {
		SiteHttp site = new SiteHttp(this.port);
		String often = "/episodes/episode-1-rust-at-scale-part-1";
		String once = "/episodes/episode-2-rust-at-scale-part-2";
		site.body(often);
		site.body(once);
		for (int n = 3; n <= this.episodes.size(); n++) {
			site.body("/episodes/episode-" + n + "-rust-at-scale-part-" + n);
			site.body(often);
			assertThat(this.cache.keptBytes()).as("after %d pages", n).isLessThanOrEqualTo(MAX_BYTES);
		}
		assertThat(this.cache.keptPages()).isBetween(2, this.episodes.size() - 1);

		// Behind the site's back: a kept page does not see it, a page rendered again
		// does.
		this.jdbc.update("UPDATE episode SET title = title || ' (renamed)'");
		assertThat(title(site, often)).isEqualTo("Episode 1: Rust at scale, part 1");
		assertThat(title(site, once)).isEqualTo("Episode 2: Rust at scale, part 2 (renamed)");
	}

	private static String title(SiteHttp site, String path) {
		return Jsoup.parse(new String(site.body(path), StandardCharsets.UTF_8)).select("h1").text();
	}

}
