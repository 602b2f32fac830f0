package dev.podsite.episode;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V10 gives the feed's values kept before it (for "revert to the feed's") the
 * episode's chapters file, transcripts and people, which were the feed's until then, so
 * that reverting one of them after an upgrade restores the feed's. Runs on a database of
 * its own on the test server, migrated to V9 first.
 */
class HostFieldsMigrationTests {

	private ScratchDatabase database;

	private JdbcTemplate jdbc;

	@BeforeEach
	void aDatabaseAtV9() {
		this.database = new ScratchDatabase("podsite_v10_");
		this.jdbc = this.database.jdbc();
		this.database.migrate("9");
	}

	@AfterEach
	void dropIt() {
		this.database.drop();
	}

	@Test
	void theFeedsValuesKeepTheEpisodesChaptersFileTranscriptsAndPeople() {
		long show = this.jdbc.queryForObject(
				"INSERT INTO show (feed_url, title) VALUES ('https://f.example', 'S') RETURNING id", Long.class);
		String feedValues = """
				{"title": "One", "notes": {"html": "<p>Hi</p>", "summary": "Hi", "links": [], "markdown": null},
				 "audioUrl": "https://cdn.example/1.mp3", "audioLength": 1000, "audioType": "audio/mpeg",
				 "duration": 60, "publishedAt": "2024-01-01T10:00:00.000000Z", "season": null,
				 "episodeNumber": null, "episodeType": "full", "explicit": false}""";
		long withFiles = episode(show, "1", "https://f.example/1.json", feedValues);
		long without = episode(show, "2", null, feedValues);
		long hosts = episode(show, "3", null, null);
		this.jdbc.update("INSERT INTO episode_transcript (episode_id, position, url, type, language, rel)"
				+ " VALUES (?, 1, 'https://f.example/1.json', 'application/json', 'en', NULL),"
				+ " (?, 0, 'https://f.example/1.vtt', 'text/vtt', NULL, 'captions')", withFiles, withFiles);
		this.jdbc.update("INSERT INTO episode_person (episode_id, position, name, role, person_group, image_url, href)"
				+ " VALUES (?, 0, 'Jane', 'guest', 'cast', 'https://f.example/jane.png', 'https://jane.example')",
				withFiles);

		this.database.migrate(null);

		EpisodeContent first = feedValues(withFiles);
		assertThat(first.title()).isEqualTo("One");
		assertThat(first.chaptersFile())
			.isEqualTo(new ChaptersFile("https://f.example/1.json", "application/json+chapters"));
		assertThat(first.transcripts()).containsExactly(
				new Transcript("https://f.example/1.vtt", "text/vtt", null, "captions"),
				new Transcript("https://f.example/1.json", "application/json", "en", null));
		assertThat(first.people())
			.containsExactly(new Person("Jane", "guest", "cast", "https://f.example/jane.png", "https://jane.example"));
		EpisodeContent second = feedValues(without);
		assertThat(second.chaptersFile()).isNull();
		assertThat(second.transcripts()).isEmpty();
		assertThat(second.people()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT feed_values FROM episode WHERE id = ?", String.class, hosts))
			.as("the host's own episodes have no feed values")
			.isNull();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode_file", Integer.class)).isZero();
	}

	private EpisodeContent feedValues(long id) {
		String json = this.jdbc.queryForObject("SELECT feed_values FROM episode WHERE id = ?", String.class, id);
		return JsonMapper.builder().build().readValue(json, EpisodeContent.class);
	}

	private long episode(long show, String identity, String chaptersUrl, String feedValues) {
		return this.jdbc.queryForObject("""
				INSERT INTO episode (show_id, identity, guid, slug, title, published_at, content_hash, chapters_url,
					chapters_type, feed_values)
				VALUES (?, ?, ?, ?, 'One', '2024-01-01T10:00:00Z', '', ?, ?, ?::jsonb) RETURNING id""", Long.class,
				show, identity, identity, "e" + identity, chaptersUrl,
				(chaptersUrl != null) ? "application/json+chapters" : null, feedValues);
	}

}
