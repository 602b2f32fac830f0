package dev.podsite.admin;

import java.time.Clock;

import dev.podsite.support.SiteProperties;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every admin page reads: the time now (to tell scheduled from published) and the
 * zone the host reads dates in.
 */
@ControllerAdvice(basePackageClasses = AdminModel.class)
class AdminModel {

	private final Clock clock;

	private final SiteProperties site;

	AdminModel(Clock clock, SiteProperties site) {
		this.clock = clock;
		this.site = site;
	}

	@ModelAttribute
	void addTimes(Model model) {
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("zone", this.site.timeZone());
	}

}
