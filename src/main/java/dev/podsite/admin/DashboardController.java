package dev.podsite.admin;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import dev.podsite.episode.EpisodeEditor;
import dev.podsite.feedimport.ArtworkMeasurements;
import dev.podsite.feedimport.FeedImportProperties;
import dev.podsite.feedimport.FeedImporter;
import dev.podsite.feedimport.FeedMove;
import dev.podsite.feedimport.ImportHistory;
import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImportStatus;
import dev.podsite.feedpublish.FeedMoveAnnouncement;
import dev.podsite.feedpublish.PublishedFeedCheck;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The host's dashboard: how the feed imports go, and the episodes that left the feed.
 */
@Controller
class DashboardController {

	private final FeedImportProperties feed;

	private final FeedImporter importer;

	private final ImportHistory imports;

	private final EpisodeEditor episodes;

	private final SignInThrottle signIns;

	private final AdminMessages messages;

	private final FeedMoveAnnouncement announcement;

	private final PublishedFeedCheck publishedCheck;

	private final ArtworkMeasurements artwork;

	DashboardController(FeedImportProperties feed, FeedImporter importer, ImportHistory imports, EpisodeEditor episodes,
			SignInThrottle signIns, AdminMessages messages, FeedMoveAnnouncement announcement,
			PublishedFeedCheck publishedCheck, ArtworkMeasurements artwork) {
		this.artwork = artwork;
		this.announcement = announcement;
		this.messages = messages;
		this.publishedCheck = publishedCheck;
		this.feed = feed;
		this.importer = importer;
		this.imports = imports;
		this.episodes = episodes;
		this.signIns = signIns;
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		FeedMove move = this.importer.move().orElse(null);
		URI feedUrl = (move != null) ? URI.create(move.to()) : this.feed.url();
		model.addAttribute("feedUrl", feedUrl.toString());
		model.addAttribute("feedMove", move);
		model.addAttribute("announcedMove", this.announcement.current().orElse(null));
		String scheme = feedUrl.getScheme();
		model.addAttribute("feedOnTheWeb", scheme != null && scheme.startsWith("http"));
		model.addAttribute("runs", this.imports.recent());
		model.addAttribute("backoff", this.importer.backoff());
		model.addAttribute("feedAlert", this.imports.alert().orElse(null));
		model.addAttribute("leftTheFeed", this.episodes.leftTheFeed());
		model.addAttribute("signInFailures", this.signIns.recentFailures());
		// The source as stored at its last import (no fetch), ours as rendered now; the
		// artwork as last measured in the background.
		model.addAttribute("feedChecks",
				List.of(new FeedCheckView("check-source", "feedcheck.source",
						this.imports.sourceFindings().map(this.artwork::withMeasurements).orElse(null)),
						new FeedCheckView("check-published", "feedcheck.published",
								this.publishedCheck.findings().map(this.artwork::withMeasurements).orElse(null))));
		return "admin/dashboard";
	}

	@PostMapping("/admin/import")
	String importNow(RedirectAttributes redirect) {
		ImportRun run = this.importer.importNow();
		if (run.getStatus() == ImportStatus.UNCHANGED || run.getStatus() == ImportStatus.SKIPPED) {
			redirect.addFlashAttribute("message", this.messages.get(Objects.requireNonNull(run.getNoteNotice())));
		}
		else if (run.getStatus() == ImportStatus.SUCCEEDED) {
			redirect
				.addFlashAttribute("message",
						this.messages.get(
								run.getWarningNotices().isEmpty() ? "admin.flash.imported"
										: "admin.flash.importedWarnings",
								run.getNewCount(), run.getUpdatedCount(), run.getUnchangedCount(), run.getHiddenCount(),
								run.getWarningNotices().size()));
		}
		else {
			redirect.addFlashAttribute("error", this.messages.get("admin.flash.importFailed", run.getErrorNotice()));
		}
		return "redirect:/admin";
	}

}
