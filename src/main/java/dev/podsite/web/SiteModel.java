package dev.podsite.web;

import dev.podsite.show.CurrentShow;
import dev.podsite.show.Show;
import dev.podsite.support.SiteProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: the show (null before the first import) and whether it
 * is the demo snapshot; the subscribe buttons of the show's and episodes' pages. How
 * imports go is for the host's dashboard alone: a failure's reason names addresses and
 * errors of the server's network.
 */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(SubscribeProperties.class)
class SiteModel {

	private final CurrentShow show;

	private final SiteProperties site;

	private final SubscribeLinks subscribe;

	SiteModel(CurrentShow show, SiteProperties site, SubscribeProperties subscribe) {
		this.show = show;
		this.site = site;
		this.subscribe = new SubscribeLinks(subscribe, site);
	}

	@ModelAttribute
	void addSite(Model model) {
		Show show = this.show.get().orElse(null);
		model.addAttribute("show", show);
		model.addAttribute("baseUrl", this.site.baseUrl());
		if (show != null) {
			model.addAttribute("subscribe", this.subscribe.of(show.getTitle()));
		}
	}

}
