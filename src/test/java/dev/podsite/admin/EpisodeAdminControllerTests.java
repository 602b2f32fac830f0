package dev.podsite.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.podsite.episode.ChaptersFile;
import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeEdit;
import dev.podsite.episode.EpisodeEditor;
import dev.podsite.episode.EpisodeFile;
import dev.podsite.episode.EpisodeState;
import dev.podsite.episode.EpisodeStatus;
import dev.podsite.episode.EpisodeType;
import dev.podsite.episode.HostField;
import dev.podsite.episode.Person;
import dev.podsite.episode.Transcript;
import dev.podsite.episode.TranscriptType;
import dev.podsite.feedimport.MediaFilesProperties;
import dev.podsite.feedimport.UploadedFiles;
import dev.podsite.show.CurrentShow;
import dev.podsite.show.Show;
import dev.podsite.support.SiteProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the episode form's controller does itself: Spring's binding parses the form, Bean
 * Validation and the slug validator check it, an invalid form is shown again with what
 * was typed, a valid one becomes the episode module's {@link EpisodeEdit}. The episode
 * module stands in as a mock: its own tests cover what it stores.
 */
@WebMvcTest(EpisodeAdminController.class)
class EpisodeAdminControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private EpisodeEditor episodes;

	@MockitoBean
	private CurrentShow show;

	@Test
	void anInvalidFormSavesNothingAndShowsWhatWasTypedWithTheReasons() throws Exception {
		given(this.episodes.slugTaken("taken", null)).willReturn(true);
		String page = this.mvc
			.perform(host(post("/admin/episodes/new")).param("title", "  ")
				.param("slug", "taken")
				.param("audioUrl", "http://cdn.example/plain-http.mp3")
				.param("duration", "an hour")
				.param("publishedAt", "next tuesday")
				.param("season", "two")
				.param("notes", "What I typed")
				.param("status", "PUBLISHED"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		verify(this.episodes, never()).create(anyLong(), any());
		Document form = Jsoup.parse(page);
		assertThat(error(form, "title")).isEqualTo("Give the episode a title.");
		assertThat(error(form, "slug")).isEqualTo("Another episode has this slug; choose another.");
		assertThat(error(form, "audioUrl")).isEqualTo("Give the audio file’s full https:// address.");
		assertThat(error(form, "duration")).isEqualTo("Write the duration as H:MM:SS or MM:SS, e.g. 1:02:05.");
		assertThat(error(form, "publishedAt")).isEqualTo("Give a date and time like 2026-11-25T09:30.");
		assertThat(error(form, "season")).isEqualTo("Give the season as a number, from 1.");
		assertThat(form.select("#audioUrl").attr("value")).isEqualTo("http://cdn.example/plain-http.mp3");
		assertThat(form.select("#duration").attr("value")).isEqualTo("an hour");
		assertThat(form.select("#notes").text()).isEqualTo("What I typed");
		assertThat(form.select("#audioUrl").attr("aria-invalid")).isEqualTo("true");
	}

	@Test
	void aValidFormBecomesTheEpisodeAsTheHostWroteIt() throws Exception {
		given(this.show.get()).willReturn(Optional.empty());
		this.mvc.perform(aNewBonusEpisode()).andExpect(status().isOk());
		// No show yet: the form says so and nothing is saved.
		verify(this.episodes, never()).create(anyLong(), any());

		Show current = show(7);
		Episode created = episode(12, "Rust at the edge");
		given(this.show.get()).willReturn(Optional.of(current));
		given(this.episodes.create(eq(7L), any())).willReturn(created);
		this.mvc.perform(aNewBonusEpisode())
			.andExpect(redirectedUrl("/admin/episodes/12/edit"))
			.andExpect(flash().attribute("message", "Saved “Rust at the edge”."));
		ArgumentCaptor<EpisodeEdit> edit = ArgumentCaptor.forClass(EpisodeEdit.class);
		verify(this.episodes).create(eq(7L), edit.capture());
		assertThat(edit.getValue().duration()).isEqualTo(3725);
		// The host's zone in the tests is Europe/Berlin, an hour ahead of UTC in
		// November.
		assertThat(edit.getValue().publishedAt()).isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
		assertThat(edit.getValue().episodeType()).isEqualTo(EpisodeType.BONUS);
		assertThat(edit.getValue().status()).isEqualTo(EpisodeStatus.PUBLISHED);
		assertThat(edit.getValue().slug()).isNull();
	}

	@Test
	void aSaveSendsOnlyTheFieldsTheHostChanged() throws Exception {
		Episode saved = episode(5, "New title");
		given(this.episodes.update(anyLong(), eq(3), any(), any())).willReturn(saved);
		this.mvc.perform(host(post("/admin/episodes/5/edit")).param("title", "New title")
			// Typed another way, the same length: not a change.
			.param("duration", "60:00")
			.param("publishedAt", "2026-11-25T09:30")
			.param("status", "PUBLISHED")
			.param("version", "3")
			.param("original[title]", "Old title")
			.param("original[duration]", "1:00:00")
			.param("original[publishedAt]", "2026-11-25T09:30")
			.param("original[episodeType]", "full")
			.param("original[explicit]", "false")).andExpect(redirectedUrl("/admin/episodes/5/edit"));
		verify(this.episodes).update(eq(5L), eq(3), any(), eq(Set.of(HostField.TITLE)));
	}

	@Test
	void aConflictingSaveKeepsWhatWasTyped() throws Exception {
		Episode theirs = episode(5, "Theirs");
		given(this.episodes.find(5)).willReturn(Optional.of(theirs));
		given(this.episodes.update(anyLong(), anyInt(), any(), any())).willThrow(new EpisodeEditor.EditConflict());
		String page = this.mvc
			.perform(host(post("/admin/episodes/5/edit")).param("title", "Mine")
				.param("duration", "9:59")
				.param("publishedAt", "2026-11-25T09:30")
				.param("status", "PUBLISHED"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Someone else saved this episode after you opened it");
		assertThat(Jsoup.parse(page).select("#duration").attr("value")).isEqualTo("9:59");
	}

	@Test
	void thePreviewShowsTheRenderedNotesAndSavesNothing() throws Exception {
		given(this.episodes.preview("Some **bold** text")).willReturn("<p>Some <strong>bold</strong> text</p>");
		String page = this.mvc
			.perform(host(post("/admin/episodes/new")).param("title", "Previewed")
				.param("notes", "Some **bold** text")
				.param("publishedAt", "2026-11-25T09:30")
				.param("preview", "notes"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document form = Jsoup.parse(page);
		assertThat(form.select(".preview strong").text()).isEqualTo("bold");
		assertThat(form.select("#title").attr("value")).isEqualTo("Previewed");
		verify(this.episodes, never()).create(anyLong(), any());
	}

	@Test
	void revertingTakesAFieldTheFormKnowsByName() throws Exception {
		this.mvc.perform(host(post("/admin/episodes/5/revert")).param("field", "duration"))
			.andExpect(redirectedUrl("/admin/episodes/5/edit"))
			.andExpect(flash().attribute("message", "Duration: the feed's again."));
		verify(this.episodes).revert(5, HostField.DURATION);
		this.mvc.perform(host(post("/admin/episodes/5/revert")).param("field", "slug"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void revertingTakesTheFilesAndThePeopleByTheirNames() throws Exception {
		for (String field : List.of("chaptersFile", "transcripts", "people")) {
			this.mvc.perform(host(post("/admin/episodes/5/revert")).param("field", field))
				.andExpect(redirectedUrl("/admin/episodes/5/edit"));
		}
		verify(this.episodes).revert(5, HostField.CHAPTERS_FILE);
		verify(this.episodes).revert(5, HostField.TRANSCRIPTS);
		verify(this.episodes).revert(5, HostField.PEOPLE);
	}

	@Test
	void theFilesAndThePeopleAreSavedWhenChangedAndCheckedLineByLine() throws Exception {
		Episode five = episode(5, "Five");
		given(this.episodes.find(5)).willReturn(Optional.of(five));
		String refused = this.mvc
			.perform(host(post("/admin/episodes/5/edit")).param("title", "Five")
				.param("publishedAt", "2026-11-25T09:30")
				.param("status", "PUBLISHED")
				.param("chaptersFile", "ftp://files.example/c.json")
				.param("transcripts", "https://files.example/words")
				.param("people", "Jane Doe | guest | https://jane.example\n | guest\nSam | host | jane.example"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		verify(this.episodes, never()).update(anyLong(), anyInt(), any(), any());
		Document form = Jsoup.parse(refused);
		assertThat(error(form, "chaptersFile"))
			.isEqualTo("Give the chapters file’s full https:// address, or leave it empty.");
		assertThat(error(form, "people")).isEqualTo("Line 2: give the person's name before the first |."
				+ " Line 3: the link must be a full https:// (or http://) address.");
		assertThat(form.select("#people").text()).contains("Sam | host | jane.example");
		assertThat(form.select("#transcriptType").first().parent().select(".field-error").text())
			.isEqualTo("Choose the transcript’s format: its address does not tell.");

		given(this.episodes.update(anyLong(), anyInt(), any(), any())).willReturn(five);
		this.mvc
			.perform(host(post("/admin/episodes/5/edit")).param("title", "Five")
				.param("publishedAt", "2026-11-25T09:30")
				.param("status", "PUBLISHED")
				.param("chaptersFile", "https://files.example/c.json")
				.param("transcripts", "https://files.example/t.srt")
				.param("transcriptType", "")
				.param("people", "  Jane   Doe | Guest | https://jane.example\n\nSam")
				.param("original[title]", "Five")
				.param("original[publishedAt]", "2026-11-25T09:30")
				.param("original[episodeType]", "full")
				.param("original[explicit]", "false")
				.param("original[people]", "Sam\nJane Doe | guest | https://jane.example"))
			.andExpect(redirectedUrl("/admin/episodes/5/edit"));
		ArgumentCaptor<EpisodeEdit> edit = ArgumentCaptor.forClass(EpisodeEdit.class);
		verify(this.episodes).update(eq(5L), eq(0), edit.capture(),
				eq(Set.of(HostField.CHAPTERS_FILE, HostField.TRANSCRIPTS, HostField.PEOPLE)));
		assertThat(edit.getValue().chaptersFile())
			.isEqualTo(new ChaptersFile("https://files.example/c.json", ChaptersFile.JSON_CHAPTERS));
		assertThat(edit.getValue().transcripts())
			.containsExactly(new Transcript("https://files.example/t.srt", null, null, null));
		assertThat(edit.getValue().people()).containsExactly(
				new Person("Jane Doe", "guest", null, null, "https://jane.example"),
				new Person("Sam", null, null, null, null));
	}

	@Test
	void anUploadTheSiteCannotReadIsRefusedAndTheFormSaysWhy() throws Exception {
		Episode five = episode(5, "Five");
		given(this.episodes.find(5)).willReturn(Optional.of(five));
		assertThat(uploadRefused("transcript", "notes.txt", "Just some words.".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("The file is not a WebVTT, SubRip or Podcasting 2.0 JSON transcript: upload a .vtt, .srt or"
					+ " .json file.");
		assertThat(
				uploadRefused("transcript", "empty.vtt", "WEBVTT\n\nNOTE nothing\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("The file holds no cues (no line with a time span like 00:00:01.000 --> 00:00:04.000).");
		assertThat(uploadRefused("transcript", "page.vtt",
				"<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8)))
			.startsWith("The file is not a WebVTT, SubRip or Podcasting 2.0 JSON transcript");
		assertThat(uploadRefused("chapters", "chapters.json", "chapters: none".getBytes(StandardCharsets.UTF_8)))
			.startsWith("The file is not JSON (");
		assertThat(uploadRefused("chapters", "chapters.json", "{\"chapters\": []}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("The file holds no chapter with a title and a startTime.");
		assertThat(uploadRefused("transcript", "latin.srt",
				"1\n00:00:01,000 --> 00:00:02,000\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo("The file is not UTF-8 text: save it as UTF-8 (or UTF-16) and upload it again.");
		assertThat(uploadRefused("transcript", "big.vtt", new byte[5 * 1024 * 1024 + 1]))
			.isEqualTo("The file is larger than the 5 MB the site accepts (podsite.media-files.max-bytes).");
		assertThat(uploadRefused("transcript", "none.vtt", new byte[0])).isEqualTo("Choose a file to upload.");
		verify(this.episodes, never()).upload(anyLong(), any());
	}

	@Test
	void anUploadTheSiteReadsIsStoredAsUtf8() throws Exception {
		Episode five = episode(5, "Five");
		given(this.episodes.upload(eq(5L), any())).willReturn(five);
		String srt = "1\n00:00:01,000 --> 00:00:02,000\nCaf\u00e9\n\n2\n00:00:02,000 --> 00:00:03,000\nBye\n";
		byte[] utf16 = ("\ufeff" + srt).getBytes(StandardCharsets.UTF_16LE);
		this.mvc
			.perform(host(multipart("/admin/episodes/5/files/transcript")
				.file(new MockMultipartFile("file", "words.txt", "text/plain", utf16))))
			.andExpect(redirectedUrl("/admin/episodes/5/edit"))
			.andExpect(flash().attribute("message",
					"Uploaded the transcript (2 cues of SubRip): the site serves it now."));
		ArgumentCaptor<EpisodeFile.Upload> upload = ArgumentCaptor.forClass(EpisodeFile.Upload.class);
		verify(this.episodes).upload(eq(5L), upload.capture());
		assertThat(upload.getValue().kind()).isEqualTo(EpisodeFile.Kind.TRANSCRIPT);
		assertThat(upload.getValue().transcriptType()).as("told by its start, not its name")
			.isEqualTo(TranscriptType.SUBRIP);
		assertThat(upload.getValue().name()).isEqualTo("transcript.srt");
		assertThat(upload.getValue().uploadedName()).isEqualTo("words.txt");
		assertThat(upload.getValue().body()).isEqualTo(srt.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void removingAnUploadGivesTheFeedsFileBack() throws Exception {
		Episode imported = episode(5, "Five");
		given(imported.isImported()).willReturn(true);
		given(this.episodes.removeUpload(5, EpisodeFile.Kind.CHAPTERS)).willReturn(imported);
		this.mvc.perform(host(post("/admin/episodes/5/files/chapters/remove")))
			.andExpect(redirectedUrl("/admin/episodes/5/edit"))
			.andExpect(flash().attribute("message",
					"Removed the uploaded chapters file: the episode has the feed's again."));
		this.mvc.perform(host(post("/admin/episodes/5/files/cover/remove"))).andExpect(status().isNotFound());
	}

	private String uploadRefused(String kind, String name, byte[] bytes) throws Exception {
		String page = this.mvc
			.perform(host(multipart("/admin/episodes/5/files/" + kind)
				.file(new MockMultipartFile("file", name, "application/octet-stream", bytes))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document form = Jsoup.parse(page);
		assertThat(form.select("#" + kind + "-file").attr("aria-invalid")).isEqualTo("true");
		return form.select("#" + kind + "-file").first().parent().select(".field-error").text();
	}

	@Test
	void aNewFormIsDatedNowInTheHostsZone() throws Exception {
		String page = this.mvc.perform(host(get("/admin/episodes/new")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("#publishedAt").attr("value")).isEqualTo("2026-03-01T11:15");
	}

	private static MockHttpServletRequestBuilder aNewBonusEpisode() {
		return host(post("/admin/episodes/new")).param("title", "  Rust at the edge ")
			.param("duration", "62:05")
			.param("publishedAt", "2026-11-25T09:30")
			.param("episodeType", "BONUS")
			.param("status", "PUBLISHED");
	}

	private static <B extends AbstractMockHttpServletRequestBuilder<B>> B host(B request) {
		return request.with(user("host").roles("HOST")).with(csrf());
	}

	private static String error(Document form, String field) {
		return form.select("#" + field).first().parent().select(".field-error").text();
	}

	private static Show show(long id) {
		Show show = mock(Show.class);
		given(show.getId()).willReturn(id);
		given(show.getTitle()).willReturn("Show");
		return show;
	}

	private static Episode episode(long id, String title) {
		Episode episode = mock(Episode.class);
		given(episode.getId()).willReturn(id);
		given(episode.getTitle()).willReturn(title);
		given(episode.getSlug()).willReturn("slug");
		given(episode.getState(any())).willReturn(EpisodeState.PUBLISHED);
		given(episode.getPublishedAt()).willReturn(Instant.parse("2026-11-25T08:30:00Z"));
		given(episode.getStatus()).willReturn(EpisodeStatus.PUBLISHED);
		return episode;
	}

	@TestConfiguration
	@EnableConfigurationProperties({ SiteProperties.class, MediaFilesProperties.class })
	@Import({ UploadedFiles.class, AdminMessages.class })
	static class Settings {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);
		}

	}

}
