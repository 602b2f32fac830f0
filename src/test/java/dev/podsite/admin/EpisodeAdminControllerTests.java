package dev.podsite.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeEdit;
import dev.podsite.episode.EpisodeEditor;
import dev.podsite.episode.EpisodeState;
import dev.podsite.episode.EpisodeStatus;
import dev.podsite.episode.EpisodeType;
import dev.podsite.episode.HostField;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
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

	private static MockHttpServletRequestBuilder host(MockHttpServletRequestBuilder request) {
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
		return episode;
	}

	@TestConfiguration
	@EnableConfigurationProperties(SiteProperties.class)
	static class Settings {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);
		}

	}

}
