package dev.podsite.admin;

import java.io.IOException;

import dev.podsite.backup.SiteArchive;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The host's backup: the whole site's data as one archive, streamed as it is read. A form
 * of the dashboard posts for it, so it carries the CSRF token like every action there.
 */
@Controller
class BackupController {

	private final SiteArchive archive;

	BackupController(SiteArchive archive) {
		this.archive = archive;
	}

	@PostMapping("/admin/backup")
	void download(HttpServletResponse response) throws IOException {
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(this.archive.filename()).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.archive.write(response.getOutputStream());
	}

}
