package dev.podsite.admin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import dev.podsite.episode.PeopleEditor;
import dev.podsite.episode.PeopleEditor.NameTaken;
import dev.podsite.episode.PeopleEditor.PersonDetails;
import dev.podsite.episode.PeopleEditor.PersonNotFound;
import dev.podsite.episode.PeopleEditor.PersonRow;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The host's people: everyone credited, a rename, a merge of two people into one.
 */
@Controller
class PeopleAdminController {

	private final PeopleEditor people;

	private final AdminMessages messages;

	PeopleAdminController(PeopleEditor people, AdminMessages messages) {
		this.messages = messages;
		this.people = people;
	}

	@GetMapping("/admin/people")
	String list(Model model) {
		model.addAttribute("people", this.people.all());
		return "admin/people";
	}

	@GetMapping("/admin/people/{id}")
	String person(@PathVariable long id, Model model) {
		PersonDetails details = this.people.find(id).orElseThrow(PersonNotFound::new);
		model.addAttribute("person", details.person());
		model.addAttribute("matchedOn", details.matchedOn());
		model.addAttribute("others", this.people.all().stream().filter((other) -> other.id() != id).toList());
		model.addAttribute("maxNameLength", PeopleEditor.MAX_NAME_LENGTH);
		return "admin/person";
	}

	@PostMapping("/admin/people/{id}/rename")
	String rename(@PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
		String cleaned = name.strip();
		if (cleaned.isEmpty() || cleaned.length() > PeopleEditor.MAX_NAME_LENGTH) {
			redirect.addFlashAttribute("error",
					this.messages.get("admin.flash.nameLength", PeopleEditor.MAX_NAME_LENGTH));
			return "redirect:/admin/people/" + id;
		}
		try {
			PersonRow renamed = this.people.rename(id, cleaned);
			redirect.addFlashAttribute("message", this.messages.get("admin.flash.renamed", renamed.name()));
		}
		catch (NameTaken ex) {
			redirect.addFlashAttribute("error", this.messages.get("admin.flash.nameTaken", ex.otherName()));
			redirect.addFlashAttribute("suggestedMerge", ex.otherId());
		}
		return "redirect:/admin/people/" + id;
	}

	/** Merges {@code other} into the person {@code id}, who keeps their name and page. */
	@PostMapping("/admin/people/{id}/merge")
	String merge(@PathVariable long id, @RequestParam long other, RedirectAttributes redirect) {
		if (other == id) {
			redirect.addFlashAttribute("error", this.messages.get("admin.flash.mergeSelf"));
			return "redirect:/admin/people/" + id;
		}
		String merged = this.people.find(other).orElseThrow(PersonNotFound::new).person().name();
		PersonRow kept = this.people.merge(id, other);
		redirect.addFlashAttribute("message", this.messages.get("admin.flash.merged", merged, kept.name()));
		return "redirect:/admin/people/" + id;
	}

	/** An id that names no person is a page that does not exist. */
	@ExceptionHandler(PersonNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
