package dev.podsite.web;

import dev.podsite.feedimport.ImportHistory;
import dev.podsite.show.CurrentShow;
import dev.podsite.show.Show;
import dev.podsite.support.SiteProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: the show, whether it is the demo snapshot, and (on an
 * empty site) how the last import went.
 */
@ControllerAdvice(annotations = Controller.class)
class SiteModel {

	private final CurrentShow show;

	private final ImportHistory imports;

	private final SiteProperties site;

	SiteModel(CurrentShow show, ImportHistory imports, SiteProperties site) {
		this.show = show;
		this.imports = imports;
		this.site = site;
	}

	@ModelAttribute
	void addSite(Model model) {
		Show show = this.show.get().orElse(null);
		model.addAttribute("show", show);
		model.addAttribute("baseUrl", this.site.baseUrl());
		if (show == null) {
			model.addAttribute("lastImport", this.imports.latest().orElse(null));
		}
	}

}
