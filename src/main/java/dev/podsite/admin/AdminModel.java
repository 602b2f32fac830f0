package dev.podsite.admin;

import java.time.Clock;

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

	private final AdminProperties properties;

	AdminModel(Clock clock, AdminProperties properties) {
		this.clock = clock;
		this.properties = properties;
	}

	@ModelAttribute
	void addTimes(Model model) {
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("zone", this.properties.timeZone());
	}

}
