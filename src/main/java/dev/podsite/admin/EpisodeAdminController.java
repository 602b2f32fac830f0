package dev.podsite.admin;

import java.time.Clock;
import java.util.Locale;

import jakarta.validation.Valid;

import dev.podsite.episode.Durations;
import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeFields;
import dev.podsite.notes.Markdown;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The host's episodes: the list, one form to create and edit, preview, revert to feed,
 * delete and undo.
 */
@Controller
class EpisodeAdminController {

	static final int PAGE_SIZE = 50;

	private static final String FORM = "admin/episode-form";

	private final HostEpisodes episodes;

	private final EpisodeEditor editor;

	private final AdminProperties properties;

	private final Clock clock;

	private final String baseUrl;

	EpisodeAdminController(HostEpisodes episodes, EpisodeEditor editor, AdminProperties properties, Clock clock,
			@Value("${podsite.base-url}") String baseUrl) {
		this.episodes = episodes;
		this.editor = editor;
		this.properties = properties;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/admin/episodes")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
		PageRequest request = PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE);
		String search = q.strip();
		Page<EpisodeRow> rows = search.isEmpty() ? this.episodes.findRows(request)
				: this.episodes.findRowsByTitle("%" + likeEscaped(search.toLowerCase(Locale.ROOT)) + "%", request);
		model.addAttribute("rows", rows);
		model.addAttribute("q", search);
		model.addAttribute("page", request.getPageNumber() + 1);
		return "admin/episodes";
	}

	@GetMapping("/admin/episodes/new")
	String newEpisode(Model model) {
		model.addAttribute("form", EpisodeForm.blank(this.clock.instant(), this.properties.timeZone()));
		return FORM;
	}

	@PostMapping("/admin/episodes/new")
	String create(@Valid @ModelAttribute("form") EpisodeForm form, BindingResult result,
			@RequestParam(required = false) String preview, Model model, RedirectAttributes redirect) {
		if (preview != null || !valid(form, null, result)) {
			return reshow(form, null, preview, model);
		}
		try {
			Episode episode = this.editor.create(form);
			redirect.addFlashAttribute("message", "Saved “" + episode.getTitle() + "”.");
			return "redirect:/admin/episodes/" + episode.getId() + "/edit";
		}
		catch (EpisodeEditor.NoShowYet ex) {
			model.addAttribute("error",
					"The show's feed has not been imported yet: import it first, then add" + " episodes of your own.");
			return reshow(form, null, null, model);
		}
		catch (DataIntegrityViolationException ex) {
			result.rejectValue("slug", "taken", "Another episode has this slug; choose another.");
			return reshow(form, null, null, model);
		}
	}

	@GetMapping("/admin/episodes/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Episode episode = find(id);
		model.addAttribute("form", EpisodeForm.of(episode, this.properties.timeZone()));
		model.addAttribute("episode", episode);
		return FORM;
	}

	@PostMapping("/admin/episodes/{id}/edit")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") EpisodeForm form, BindingResult result,
			@RequestParam(required = false) String preview, Model model, RedirectAttributes redirect) {
		if (preview != null || !valid(form, id, result)) {
			return reshow(form, find(id), preview, model);
		}
		try {
			Episode episode = this.editor.update(id, form);
			redirect.addFlashAttribute("message", "Saved “" + episode.getTitle() + "”.");
			return "redirect:/admin/episodes/" + id + "/edit";
		}
		catch (EpisodeEditor.EditConflict ex) {
			model.addAttribute("error",
					"Someone else saved this episode after you opened it (in another tab,"
							+ " perhaps). Nothing was saved, so their changes stand; what you typed is still below."
							+ " Open the episode again to see their version, then make your changes there.");
			return reshow(form, find(id), null, model);
		}
		catch (DataIntegrityViolationException ex) {
			result.rejectValue("slug", "taken", "Another episode has this slug; choose another.");
			return reshow(form, find(id), null, model);
		}
	}

	@PostMapping("/admin/episodes/{id}/revert")
	String revert(@PathVariable long id, @RequestParam String field, RedirectAttributes redirect) {
		if (!EpisodeFields.FROM_FEED.contains(field)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such field");
		}
		this.editor.revert(id, field);
		redirect.addFlashAttribute("message", "The " + label(field) + " is the feed's again.");
		return "redirect:/admin/episodes/" + id + "/edit";
	}

	@GetMapping("/admin/episodes/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("episode", find(id));
		return "admin/confirm-delete";
	}

	@PostMapping("/admin/episodes/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Episode episode = this.editor.delete(id);
		redirect.addFlashAttribute("message", "Deleted “" + episode.getTitle() + "”.");
		redirect.addFlashAttribute("undo", id);
		return "redirect:/admin/episodes";
	}

	@PostMapping("/admin/episodes/{id}/undelete")
	String undelete(@PathVariable long id, RedirectAttributes redirect) {
		Episode episode = this.editor.undelete(id);
		redirect.addFlashAttribute("message", "Restored “" + episode.getTitle() + "”.");
		return "redirect:/admin/episodes";
	}

	@PostMapping("/admin/episodes/{id}/keep")
	String keepOnSite(@PathVariable long id, RedirectAttributes redirect) {
		Episode episode = this.editor.keepOnSite(id);
		redirect.addFlashAttribute("message", "“" + episode.getTitle() + "” is back on the site, and stays there.");
		return "redirect:/admin";
	}

	/** The checks Bean Validation cannot make: a readable date, a free slug. */
	private boolean valid(EpisodeForm form, Long id, BindingResult result) {
		if (!result.hasFieldErrors("publishedAt") && form.publishedAtIn(this.properties.timeZone()) == null) {
			result.rejectValue("publishedAt", "invalid", "Give a date and time like 2026-11-25T09:30.");
		}
		if (!result.hasFieldErrors("duration") && form.getDuration() != null
				&& Durations.parse(form.getDuration()) == null) {
			result.rejectValue("duration", "invalid", "Write the duration as H:MM:SS or MM:SS, e.g. 1:02:05.");
		}
		if (!result.hasFieldErrors("slug") && form.getSlug() != null && this.editor.slugTaken(form.getSlug(), id)) {
			result.rejectValue("slug", "taken", "Another episode has this slug; choose another.");
		}
		return !result.hasErrors();
	}

	private String reshow(EpisodeForm form, Episode episode, String preview, Model model) {
		model.addAttribute("episode", episode);
		if (preview != null) {
			model.addAttribute("preview", Markdown.toNotes(form.getNotes(), this.baseUrl).html());
		}
		return FORM;
	}

	private Episode find(long id) {
		return this.episodes.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No episode " + id));
	}

	static String label(String field) {
		return switch (field) {
			case EpisodeFields.AUDIO_URL -> "audio address";
			case EpisodeFields.AUDIO_LENGTH -> "audio size";
			case EpisodeFields.AUDIO_TYPE -> "audio type";
			case EpisodeFields.PUBLISHED_AT -> "publication date";
			case EpisodeFields.EPISODE_NUMBER -> "episode number";
			case EpisodeFields.EPISODE_TYPE -> "episode type";
			case EpisodeFields.EXPLICIT -> "explicit flag";
			default -> field;
		};
	}

	private static String likeEscaped(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
