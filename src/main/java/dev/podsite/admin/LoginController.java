package dev.podsite.admin;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/**
	 * @param wait seconds until a refused sign-in may be tried again
	 */
	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String wait, Model model) {
		if (wait != null && wait.matches("[0-9]{1,6}")) {
			long seconds = Math.max(1, Long.parseLong(wait));
			model.addAttribute("wait", (seconds == 1) ? "1 second"
					: (seconds < 120) ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes");
		}
		return "admin/login";
	}

}
