package dev.podsite.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every link the published episodes' notes mention (episode_link), by site: a page of
 * sites in one query, their links and the episodes that mention them in a second, each
 * bounded (so many addresses a site, so many episodes an address).
 */
@Repository
@Transactional(readOnly = true)
class LinkIndex {

	static final int SITES_PER_PAGE = 25;

	static final int LINKS_PER_SITE = 30;

	static final int EPISODES_PER_LINK = 10;

	private static final String MENTIONS = """
			SELECT link_domain(l.url) AS site, l.url, l.text, e.slug, e.title, e.published_at
			FROM episode_link l JOIN episode e ON e.id = l.episode_id
			WHERE e.listed AND e.published_at <= :now AND l.url ~* '^https?://' AND link_domain(l.url) IS NOT NULL
				AND (CAST(:pattern AS text) IS NULL OR search_folded(l.text || ' ' || l.url) LIKE search_folded(CAST(:pattern AS text)))
			""";

	private static final String SITES = "WITH mentions AS (" + MENTIONS
			+ """
					)
					SELECT site, count(DISTINCT url) AS links, count(*) OVER () AS sites, sum(count(DISTINCT url)) OVER () AS all_links
					FROM mentions GROUP BY site
					ORDER BY site LIMIT :limit OFFSET :offset
					""";

	private static final String LINKS = "WITH mentions AS (" + MENTIONS + " AND link_domain(l.url) IN (:sites)" + """
			), addresses AS (
				SELECT site, url, max(published_at) AS latest, count(*) AS mentioned,
					row_number() OVER (PARTITION BY site ORDER BY max(published_at) DESC, url) AS n
				FROM mentions GROUP BY site, url
			), ranked AS (
				SELECT m.*, a.latest, a.mentioned, a.n,
					row_number() OVER (PARTITION BY m.site, m.url ORDER BY m.published_at DESC, m.slug) AS k
				FROM mentions m JOIN addresses a ON a.site = m.site AND a.url = m.url
				WHERE a.n <= :links
			)
			SELECT site, url, text, slug, title, published_at, mentioned FROM ranked WHERE k <= :episodes
			ORDER BY site, latest DESC, url, published_at DESC, slug
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	LinkIndex(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Page {@code page} (0-based) of the sites, those with a link matching {@code text}.
	 */
	LinkPage page(@Nullable String text, int page) {
		Timestamp now = Timestamp.from(this.clock.instant());
		String pattern = (text != null) ? "%" + likeEscaped(text) + "%" : null;
		long[] totals = { 0, 0 };
		Map<String, Long> sites = new LinkedHashMap<>();
		this.jdbc.sql(SITES)
			.param("now", now)
			.param("pattern", pattern)
			.param("limit", SITES_PER_PAGE)
			.param("offset", (long) page * SITES_PER_PAGE)
			.query((rs) -> {
				totals[0] = rs.getLong("sites");
				totals[1] = rs.getLong("all_links");
				sites.put(rs.getString("site"), rs.getLong("links"));
			});
		if (sites.isEmpty()) {
			return new LinkPage(List.of(), totals[0], totals[1]);
		}
		Map<String, Map<String, Link>> links = new LinkedHashMap<>();
		this.jdbc.sql(LINKS)
			.param("now", now)
			.param("pattern", pattern)
			.param("sites", sites.keySet())
			.param("links", LINKS_PER_SITE)
			.param("episodes", EPISODES_PER_LINK)
			.query((rs) -> {
				String url = rs.getString("url");
				String linkText = rs.getString("text");
				long mentioned = rs.getLong("mentioned");
				Link link = links.computeIfAbsent(rs.getString("site"), (site) -> new LinkedHashMap<>())
					.computeIfAbsent(url, (key) -> new Link(url, linkText, mentioned, new ArrayList<>()));
				Instant at = rs.getTimestamp("published_at").toInstant();
				link.episodes()
					.add(new Mention(rs.getString("slug"), rs.getString("title"),
							LocalDate.ofInstant(at, ZoneOffset.UTC)));
			});
		List<Site> page1 = new ArrayList<>();
		sites.forEach((site, count) -> page1
			.add(new Site(site, count, List.copyOf(links.getOrDefault(site, Map.of()).values()))));
		return new LinkPage(page1, totals[0], totals[1]);
	}

	/** The text as LIKE reads it literally: its %, _ and \ escaped. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** A page of sites, with how many sites and addresses match in all. */
	public record LinkPage(List<Site> sites, long totalSites, long totalLinks) {

		public int totalPages() {
			return (int) ((this.totalSites + SITES_PER_PAGE - 1) / SITES_PER_PAGE);
		}

	}

	/**
	 * A site (github.com), how many addresses of it are mentioned, and the first of them.
	 */
	public record Site(String name, long links, List<Link> shown) {

		public long more() {
			return this.links - this.shown.size();
		}

	}

	/**
	 * An address, its text where last mentioned, and the episodes that mention it, newest
	 * first.
	 */
	public record Link(String url, String text, long mentioned, List<Mention> episodes) {

		public long more() {
			return this.mentioned - this.episodes.size();
		}

	}

	/** An episode that mentions a link, and when it was published. */
	public record Mention(String slug, String title, LocalDate publishedOn) {

		public String href() {
			return "/episodes/" + this.slug;
		}

	}

}
