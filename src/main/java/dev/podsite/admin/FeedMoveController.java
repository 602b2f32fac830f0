package dev.podsite.admin;

import java.net.URI;
import java.util.Objects;

import dev.podsite.feedpublish.FeedMoveAnnouncement;
import dev.podsite.support.SiteProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The host announces that the site's feed moves to another address (and withdraws it),
 * from the dashboard.
 */
@Controller
class FeedMoveController {

	private final FeedMoveAnnouncement announcement;

	private final SiteProperties site;

	private final AdminMessages messages;

	FeedMoveController(FeedMoveAnnouncement announcement, SiteProperties site, AdminMessages messages) {
		this.announcement = announcement;
		this.site = site;
		this.messages = messages;
	}

	@PostMapping("/admin/feed-move")
	String announce(@RequestParam(required = false) @Nullable String newUrl,
			@RequestParam(required = false) @Nullable String redirectFrom, RedirectAttributes redirect) {
		FeedMoveRequest request = FeedMoveRequest.read(newUrl, redirectFrom, URI.create(this.site.url("/feed.xml")));
		if (request.errorKey() != null) {
			redirect.addFlashAttribute("error", this.messages.get(request.errorKey()));
			return "redirect:/admin#feed-move";
		}
		this.announcement.announce(Objects.requireNonNull(request.newUrl()),
				request.redirectFromIn(this.site.timeZone()));
		redirect.addFlashAttribute("message", this.messages.get("admin.feedMove.announced", request.newUrl()));
		return "redirect:/admin#feed-move";
	}

	@PostMapping("/admin/feed-move/withdraw")
	String withdraw(RedirectAttributes redirect) {
		this.announcement.withdraw();
		redirect.addFlashAttribute("message", this.messages.get("admin.feedMove.withdrawn"));
		return "redirect:/admin#feed-move";
	}

}
