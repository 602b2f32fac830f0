package dev.podsite.web;

import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImportRunRepository;
import dev.podsite.show.Show;
import dev.podsite.show.CurrentShow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every public page's layout shows: the show, whether it is the demo snapshot, and
 * (on an empty site) how the last import went.
 */
@ControllerAdvice(annotations = Controller.class)
class SiteModel {

	private final CurrentShow show;

	private final ImportRunRepository runs;

	private final String baseUrl;

	SiteModel(CurrentShow show, ImportRunRepository runs, @Value("${podsite.base-url}") String baseUrl) {
		this.show = show;
		this.runs = runs;
		this.baseUrl = baseUrl;
	}

	@ModelAttribute
	void addSite(Model model) {
		Show show = this.show.get().orElse(null);
		model.addAttribute("show", show);
		model.addAttribute("baseUrl", this.baseUrl);
		if (show == null) {
			ImportRun lastImport = this.runs.findFirstByOrderByStartedAtDesc().orElse(null);
			model.addAttribute("lastImport", lastImport);
		}
	}

}
