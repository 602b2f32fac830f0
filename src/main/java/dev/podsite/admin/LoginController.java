package dev.podsite.admin;

import dev.podsite.support.Counts;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private final AdminMessages messages;

	LoginController(AdminMessages messages) {
		this.messages = messages;
	}

	/**
	 * @param wait seconds until a refused sign-in may be tried again
	 */
	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String wait, Model model) {
		if (wait != null && wait.matches("[0-9]{1,6}")) {
			long seconds = Math.max(1, Long.parseLong(wait));
			model.addAttribute("wait", (seconds < 120)
					? this.messages.get("login.wait.seconds", seconds, Counts.form(seconds))
					: this.messages.get("login.wait.minutes", (seconds + 59) / 60, Counts.form((seconds + 59) / 60)));
		}
		return "admin/login";
	}

}
