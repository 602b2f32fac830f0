package dev.podsite.episode;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.CollationKey;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.podsite.support.SiteContentChanged;
import dev.podsite.support.UntilChanged;
import dev.podsite.support.UntilChanged.Expiring;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The people as listeners see them: credited by the show itself or by a published episode
 * (listed, and its date has come, as in {@link EpisodeCatalog}).
 */
@Service
@Transactional(readOnly = true)
public class People {

	public static final int PAGE_SIZE = EpisodeCatalog.PAGE_SIZE;

	private static final String HOST = "host";

	/**
	 * The credits of every published episode: its own, or the show's when it has none.
	 */
	private static final String EPISODE_CREDITS = """
			SELECT ep.person_id, ep.role, ep.person_group, ep.image_url, ep.href, e.id AS episode_id, e.published_at,
				ep.position
			FROM episode_person ep JOIN episode e ON e.id = ep.episode_id
			WHERE e.listed AND e.published_at <= :now
			UNION ALL
			SELECT sp.person_id, sp.role, sp.person_group, sp.image_url, sp.href, e.id, e.published_at, sp.position
			FROM show_person sp JOIN episode e ON e.show_id = sp.show_id
			WHERE e.listed AND e.published_at <= :now
				AND NOT EXISTS (SELECT 1 FROM episode_person ep WHERE ep.episode_id = e.id)
			""";

	/**
	 * Every person credited by the show or a published episode, with what their pages
	 * show. An episode that credits nobody credits the show's own people, as
	 * {@code podcast:person} has it (an item's people replace the channel's). A person's
	 * picture and link are the show's credit's, else those of their newest episode that
	 * has one.
	 */
	private static final String SUMMARIES = """
			WITH credit AS (
				SELECT sp.person_id, coalesce(sp.role, 'host') AS role, sp.image_url, sp.href,
					NULL::bigint AS episode_id, 0 AS source, sp.position::bigint AS rank
				FROM show_person sp
				UNION ALL
				SELECT c.person_id, coalesce(c.role, 'host'), c.image_url, c.href, c.episode_id, 1,
					row_number() OVER (ORDER BY c.published_at DESC, c.episode_id DESC, c.position)
				FROM (%s) c
			)
			SELECT p.id, p.slug, p.name,
				count(DISTINCT c.episode_id) AS episodes,
				min(c.rank) FILTER (WHERE c.source = 0 AND c.role = 'host') AS show_host,
				count(DISTINCT c.episode_id) FILTER (WHERE c.role = 'host') AS hosted,
				array_agg(DISTINCT c.role) AS roles,
				(array_agg(c.image_url ORDER BY c.source, c.rank) FILTER (WHERE c.image_url IS NOT NULL))[1] AS image_url,
				(array_agg(c.href ORDER BY c.source, c.rank) FILTER (WHERE c.href IS NOT NULL))[1] AS href
			FROM credit c JOIN person p ON p.id = c.person_id
			"""
		.formatted(EPISODE_CREDITS);

	private final JdbcClient jdbc;

	private final EpisodeRepository episodes;

	private final Clock clock;

	private final UntilChanged<Directory> directory;

	People(JdbcClient jdbc, EpisodeRepository episodes, Clock clock) {
		this.jdbc = jdbc;
		this.episodes = episodes;
		this.clock = clock;
		this.directory = new UntilChanged<>(clock);
	}

	/**
	 * The show's hosts: those the show itself credits as host, in its order; else those
	 * its episodes credit as host, the most frequent first.
	 */
	public List<PersonSummary> hosts() {
		return directory().hosts();
	}

	/**
	 * Everyone: the hosts, then the others by name. Kept until the show's data changes or
	 * a scheduled episode comes out: the show's page asks for its hosts on every render,
	 * and reading and sorting every guest of a long show took most of that render.
	 */
	public Directory directory() {
		return this.directory.get(() -> new Expiring<>(readDirectory(),
				this.episodes.findNextPublicationAfter(this.clock.instant()).orElse(null)));
	}

	// Not in a transaction of its own: it runs after the change's has ended.
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void forget(SiteContentChanged change) {
		this.directory.invalidate();
	}

	private Directory readDirectory() {
		List<Row> rows = summaries(null);
		List<Row> hosts = rows.stream()
			.filter((row) -> row.showHost() != null)
			.sorted(Comparator.comparing(Row::showHost))
			.toList();
		if (hosts.isEmpty()) {
			hosts = rows.stream()
				.filter((row) -> row.hosted() > 0)
				.sorted(Comparator.comparingInt(Row::hosted).reversed().thenComparing(Row::name, byName()))
				.toList();
		}
		List<Row> others = new ArrayList<>(rows);
		others.removeAll(hosts);
		others = sortedByName(others);
		return new Directory(hosts.stream().map(Row::summary).toList(), others.stream().map(Row::summary).toList());
	}

	/**
	 * The person with that slug and page {@code page} (0-based) of their published
	 * episodes, newest first; empty when nobody listeners can see has the slug.
	 */
	public Optional<PersonPage> find(String slug, int page) {
		List<Row> rows = summaries(slug);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Row row = rows.get(0);
		PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
		List<EpisodeSummary> episodes = this.jdbc.sql("""
				SELECT e.slug, e.title, e.published_at, e.duration_seconds, e.summary, e.season, e.episode_number,
					e.audio_url
				FROM episode e
				WHERE e.id IN (SELECT c.episode_id FROM (%s) c WHERE c.person_id = :person)
				ORDER BY e.published_at DESC, e.id DESC
				LIMIT :limit OFFSET :offset
				""".formatted(EPISODE_CREDITS))
			.param("now", now())
			.param("person", row.id())
			.param("limit", request.getPageSize())
			.param("offset", request.getOffset())
			.query((result, i) -> new EpisodeSummary(result.getString("slug"), result.getString("title"),
					result.getTimestamp("published_at").toInstant(), integer(result, "duration_seconds"),
					result.getString("summary"), integer(result, "season"), integer(result, "episode_number"),
					result.getString("audio_url")))
			.list();
		return Optional.of(new PersonPage(row.summary(), new PageImpl<>(episodes, request, row.episodes())));
	}

	/**
	 * The people's public pages, for the sitemap, in one query: the directory, then each
	 * page of each person's (the same people as {@link #directory()}). A person's pages
	 * changed when the person or their newest published episode did; the directory when
	 * one of them did, or the show ({@code showChanged}).
	 */
	public List<PageStamp> publicPages(Instant showChanged) {
		List<PageStamp> pages = new ArrayList<>();
		pages.add(new PageStamp("/people", showChanged));
		this.jdbc.sql("""
				SELECT p.slug, count(DISTINCT c.episode_id) AS episodes,
					greatest(p.updated_at, max(greatest(e.published_at, e.updated_at))) AS modified
				FROM person p
				LEFT JOIN (%s) c ON c.person_id = p.id
				LEFT JOIN episode e ON e.id = c.episode_id
				WHERE c.person_id IS NOT NULL OR EXISTS (SELECT 1 FROM show_person sp WHERE sp.person_id = p.id)
				GROUP BY p.id
				ORDER BY p.slug
				""".formatted(EPISODE_CREDITS)).param("now", now()).query((row) -> {
			Instant modified = row.getTimestamp("modified").toInstant();
			pages.set(0, new PageStamp("/people", PageStamp.latest(pages.get(0).lastModified(), modified)));
			String path = "/people/" + row.getString("slug");
			int count = EpisodeCatalog.pages(row.getLong("episodes"));
			for (int page = 1; page <= count; page++) {
				pages.add(new PageStamp((page == 1) ? path : path + "?page=" + page, modified));
			}
		});
		return pages;
	}

	/** The slug of the person that the one with {@code slug} was merged into, if any. */
	public Optional<String> mergedInto(String slug) {
		return this.jdbc.sql("""
				SELECT p.slug FROM person_former_slug f JOIN person p ON p.id = f.person_id WHERE f.slug = :slug
				""").param("slug", slug).query(String.class).optional();
	}

	/**
	 * The people the episode credits, each once, in the feed's order: the show's own when
	 * the episode credits nobody.
	 */
	public List<PersonCredit> ofEpisode(long episodeId) {
		Map<String, PersonCredit> credits = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT p.slug, p.name, coalesce(c.role, 'host') AS role, c.person_group
				FROM (
					SELECT person_id, role, person_group, position FROM episode_person WHERE episode_id = :id
					UNION ALL
					SELECT sp.person_id, sp.role, sp.person_group, sp.position
					FROM show_person sp JOIN episode e ON e.show_id = sp.show_id
					WHERE e.id = :id AND NOT EXISTS (SELECT 1 FROM episode_person ep WHERE ep.episode_id = :id)
				) c JOIN person p ON p.id = c.person_id
				ORDER BY c.position
				""").param("id", episodeId).query((row) -> {
			credits.putIfAbsent(row.getString("slug"), new PersonCredit(row.getString("slug"), row.getString("name"),
					row.getString("role"), row.getString("person_group")));
		});
		return List.copyOf(credits.values());
	}

	/**
	 * The show's own credits ({@code podcast:person} of the channel) as its feed wrote
	 * them, for the re-published feed.
	 */
	public List<Person> ofShow(long showId) {
		return this.jdbc
			.sql("SELECT name, role, person_group, image_url, href FROM show_person WHERE show_id = :showId"
					+ " ORDER BY position")
			.param("showId", showId)
			.query((row, i) -> new Person(row.getString("name"), row.getString("role"), row.getString("person_group"),
					row.getString("image_url"), row.getString("href")))
			.list();
	}

	private List<Row> summaries(@Nullable String slug) {
		String sql = SUMMARIES + ((slug != null) ? " WHERE p.slug = :slug" : "") + " GROUP BY p.id";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param("now", now());
		if (slug != null) {
			statement = statement.param("slug", slug);
		}
		return statement.query((row, i) -> {
			long showHost = row.getLong("show_host");
			Long showHostRank = row.wasNull() ? null : showHost;
			return new Row(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getString("image_url"),
					row.getString("href"), roles(row.getArray("roles")), row.getInt("episodes"), showHostRank,
					row.getInt("hosted"));
		}).list();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/** The host first, then the others alphabetically. */
	private static List<String> roles(Array array) throws SQLException {
		List<String> roles = new ArrayList<>(Arrays.asList((String[]) array.getArray()));
		roles.sort(Comparator.comparing((String role) -> !role.equals(HOST)).thenComparing(Comparator.naturalOrder()));
		return roles;
	}

	private static @Nullable Integer integer(ResultSet row, String column) throws SQLException {
		int value = row.getInt(column);
		return row.wasNull() ? null : value;
	}

	/** Names in the order a reader expects: accents and case aside. */
	private static Comparator<String> byName() {
		Collator collator = nameCollator();
		return collator::compare;
	}

	/**
	 * Like {@link #byName()}, then by slug; each name's collation key made once, not at
	 * every comparison (a thousand guests took a hundred milliseconds).
	 */
	private static List<Row> sortedByName(List<Row> rows) {
		Collator collator = nameCollator();
		Map<Row, CollationKey> keys = new IdentityHashMap<>();
		rows.forEach((row) -> keys.put(row, collator.getCollationKey(row.name())));
		List<Row> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparing((Row row) -> keys.get(row)).thenComparing(Row::slug));
		return sorted;
	}

	private static Collator nameCollator() {
		Collator collator = Collator.getInstance(Locale.ROOT);
		collator.setStrength(Collator.SECONDARY);
		return collator;
	}

	/**
	 * Everyone listeners can see: the hosts first, in the show's order, then the others.
	 */
	public record Directory(List<PersonSummary> hosts, List<PersonSummary> others) {

		public boolean isEmpty() {
			return this.hosts.isEmpty() && this.others.isEmpty();
		}

	}

	/** A person's page: who they are, and a page of their episodes. */
	public record PersonPage(PersonSummary person, Page<EpisodeSummary> episodes) {
	}

	private record Row(long id, String slug, String name, @Nullable String imageUrl, @Nullable String href,
			List<String> roles, int episodes, @Nullable Long showHost, int hosted) {

		PersonSummary summary() {
			return new PersonSummary(this.slug, this.name, this.imageUrl, this.href, this.roles, this.episodes);
		}

	}

}
