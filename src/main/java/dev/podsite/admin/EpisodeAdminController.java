package dev.podsite.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeFile;
import dev.podsite.episode.EpisodeEditor;
import dev.podsite.episode.EpisodeEditor.EditConflict;
import dev.podsite.episode.EpisodeEditor.EpisodeNotFound;
import dev.podsite.episode.EpisodeEditor.SlugTaken;
import dev.podsite.episode.HostField;
import dev.podsite.feedimport.UploadedFiles;
import dev.podsite.support.HostNotice;
import dev.podsite.show.CurrentShow;
import dev.podsite.support.SiteProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
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

	private final EpisodeEditor episodes;

	private final UploadedFiles uploads;

	private final CurrentShow show;

	private final SiteProperties site;

	private final Clock clock;

	private final AdminMessages messages;

	EpisodeAdminController(EpisodeEditor episodes, UploadedFiles uploads, CurrentShow show, SiteProperties site,
			Clock clock, AdminMessages messages) {
		this.messages = messages;
		this.episodes = episodes;
		this.uploads = uploads;
		this.show = show;
		this.site = site;
		this.clock = clock;
	}

	@InitBinder("form")
	void bindForm(WebDataBinder binder, @PathVariable(required = false) @Nullable Long id) {
		binder.setDisallowedFields("id");
		binder.addCustomFormatter(new DurationFormatter(), Duration.class);
		binder.addValidators(new EpisodeFormValidator(this.episodes, id));
	}

	/** The form's fields by their constants, for their names and labels. */
	@ModelAttribute("fields")
	Map<String, HostField> fields() {
		return Arrays.stream(HostField.values()).collect(Collectors.toMap(HostField::name, (field) -> field));
	}

	@GetMapping("/admin/episodes")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
		PageRequest request = PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE);
		model.addAttribute("rows", this.episodes.rows(q, request));
		model.addAttribute("q", q.strip());
		model.addAttribute("page", request.getPageNumber() + 1);
		return "admin/episodes";
	}

	@GetMapping("/admin/episodes/new")
	String newEpisode(Model model) {
		model.addAttribute("form", EpisodeForm.blank(this.clock.instant(), this.site.timeZone()));
		return FORM;
	}

	@PostMapping("/admin/episodes/new")
	String create(@Valid @ModelAttribute("form") EpisodeForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String preview, Model model, RedirectAttributes redirect) {
		if (preview != null || result.hasErrors()) {
			return reshow(form, null, preview, model);
		}
		Long showId = this.show.get().map((current) -> current.getId()).orElse(null);
		if (showId == null) {
			model.addAttribute("error", this.messages.get("admin.flash.noShowYet"));
			return reshow(form, null, null, model);
		}
		try {
			Episode episode = this.episodes.create(showId, form.toEdit(this.site.timeZone()));
			redirect.addFlashAttribute("message", this.messages.get("admin.flash.saved", episode.getTitle()));
			return "redirect:/admin/episodes/" + episode.getId() + "/edit";
		}
		catch (SlugTaken ex) {
			result.rejectValue("slug", "taken", "Another episode has this slug; choose another.");
			return reshow(form, null, null, model);
		}
	}

	@GetMapping("/admin/episodes/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Episode episode = find(id);
		model.addAttribute("form", EpisodeForm.of(episode, this.site.timeZone()));
		return reshow(Objects.requireNonNull((EpisodeForm) model.getAttribute("form")), episode, null, model);
	}

	@PostMapping("/admin/episodes/{id}/edit")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") EpisodeForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String preview, Model model, RedirectAttributes redirect) {
		if (preview != null || result.hasErrors()) {
			return reshow(form, find(id), preview, model);
		}
		try {
			Episode episode = this.episodes.update(id, form.getVersion(), form.toEdit(this.site.timeZone()),
					form.changedFields());
			redirect.addFlashAttribute("message", this.messages.get("admin.flash.saved", episode.getTitle()));
			return "redirect:/admin/episodes/" + id + "/edit";
		}
		catch (EditConflict ex) {
			model.addAttribute("error", this.messages.get("admin.flash.conflict"));
			return reshow(form, find(id), null, model);
		}
		catch (SlugTaken ex) {
			result.rejectValue("slug", "taken", "Another episode has this slug; choose another.");
			return reshow(form, find(id), null, model);
		}
	}

	@PostMapping("/admin/episodes/{id}/revert")
	String revert(@PathVariable long id, @RequestParam String field, RedirectAttributes redirect) {
		HostField reverted = HostField.byKey(field)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such field"));
		this.episodes.revert(id, reverted);
		redirect.addFlashAttribute("message",
				this.messages.get("admin.flash.reverted", this.messages.get("admin.field." + reverted.key())));
		return "redirect:/admin/episodes/" + id + "/edit";
	}

	/**
	 * A chapters or transcript file the host uploads: checked with the import's readers,
	 * then served by the site and pointed to by the episode. A file the site cannot read
	 * is refused, and the form says why.
	 */
	@PostMapping("/admin/episodes/{id}/files/{kind}")
	String upload(@PathVariable long id, @PathVariable String kind,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		EpisodeFile.Kind fileKind = kind(kind);
		UploadedFiles.Checked checked;
		if (file == null || file.isEmpty()) {
			checked = UploadedFiles.Checked.refused(HostNotice.of("admin.flash.chooseFile"));
		}
		else {
			// One too large is not read at all: its size says enough.
			checked = (file.getSize() > this.uploads.maxBytes()) ? this.uploads.tooLarge()
					: this.uploads.check(fileKind, file.getOriginalFilename(), file.getBytes());
		}
		if (checked.upload() == null) {
			return refuseUpload(find(id), fileKind, this.messages.get(Objects.requireNonNull(checked.problem())),
					model);
		}
		this.episodes.upload(id, checked.upload());
		redirect.addFlashAttribute("message", this.messages.get((fileKind == EpisodeFile.Kind.CHAPTERS)
				? "admin.flash.uploadedChapters" : "admin.flash.uploadedTranscript", checked.holds()));
		return "redirect:/admin/episodes/" + id + "/edit";
	}

	@PostMapping("/admin/episodes/{id}/files/{kind}/remove")
	String removeUpload(@PathVariable long id, @PathVariable String kind, RedirectAttributes redirect) {
		EpisodeFile.Kind fileKind = kind(kind);
		Episode episode = this.episodes.removeUpload(id, fileKind);
		String removed = (fileKind == EpisodeFile.Kind.CHAPTERS) ? "admin.flash.removedChapters"
				: "admin.flash.removedTranscript";
		redirect.addFlashAttribute("message",
				this.messages.get(episode.isImported() ? removed + ".feedAgain" : removed));
		return "redirect:/admin/episodes/" + id + "/edit";
	}

	@GetMapping("/admin/episodes/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("episode", find(id));
		return "admin/confirm-delete";
	}

	@PostMapping("/admin/episodes/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Episode episode = this.episodes.delete(id);
		redirect.addFlashAttribute("message", this.messages.get("admin.flash.deleted", episode.getTitle()));
		redirect.addFlashAttribute("undo", id);
		return "redirect:/admin/episodes";
	}

	@PostMapping("/admin/episodes/{id}/undelete")
	String undelete(@PathVariable long id, RedirectAttributes redirect) {
		Episode episode = this.episodes.undelete(id);
		redirect.addFlashAttribute("message", this.messages.get("admin.flash.restored", episode.getTitle()));
		return "redirect:/admin/episodes";
	}

	@PostMapping("/admin/episodes/{id}/keep")
	String keepOnSite(@PathVariable long id, RedirectAttributes redirect) {
		Episode episode = this.episodes.keepOnSite(id);
		redirect.addFlashAttribute("message", this.messages.get("admin.flash.kept", episode.getTitle()));
		return "redirect:/admin";
	}

	/** An id that names no episode is a page that does not exist. */
	@ExceptionHandler(EpisodeNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private String refuseUpload(Episode episode, EpisodeFile.Kind kind, String problem, Model model) {
		model.addAttribute("form", EpisodeForm.of(episode, this.site.timeZone()));
		model.addAttribute("uploadErrors", Map.of(kind.value(), problem));
		return reshow(Objects.requireNonNull((EpisodeForm) model.getAttribute("form")), episode, null, model);
	}

	private static EpisodeFile.Kind kind(String kind) {
		return switch (kind) {
			case "chapters" -> EpisodeFile.Kind.CHAPTERS;
			case "transcript" -> EpisodeFile.Kind.TRANSCRIPT;
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such file");
		};
	}

	private String reshow(EpisodeForm form, @Nullable Episode episode, @Nullable String preview, Model model) {
		model.addAttribute("episode", episode);
		if (episode != null) {
			// The host's uploads, by kind, for the files' part of the page.
			Map<String, EpisodeFile> files = new LinkedHashMap<>();
			this.episodes.files(episode.getId()).forEach((file) -> files.put(file.kind().value(), file));
			model.addAttribute("files", files);
			model.addAttribute("maxUpload", this.messages.get(UploadedFiles.words(this.uploads.maxBytes())));
		}
		if (preview != null) {
			model.addAttribute("preview", this.episodes.preview(form.getNotes()));
		}
		return FORM;
	}

	private Episode find(long id) {
		return this.episodes.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No episode " + id));
	}

}
