package dev.podsite.episode;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The chapters and transcript files the host uploaded, at the addresses the episode (and
 * so the re-published feed) points to. Podcast apps and web players fetch them from other
 * sites: anyone may read them. A replaced file keeps its address, so caches keep it a few
 * minutes only and then revalidate with its ETag.
 */
@Controller
class EpisodeFileController {

	static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final EpisodeCatalog catalog;

	EpisodeFileController(EpisodeCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/episodes/{slug}/{name:chapters\\.json|transcript\\.vtt|transcript\\.srt|transcript\\.json}")
	ResponseEntity<byte[]> file(@PathVariable String slug, @PathVariable String name) {
		EpisodeFile.Body file = this.catalog.file(slug, name).orElse(null);
		if (file == null) {
			return ResponseEntity.notFound().build();
		}
		// With an ETag and Last-Modified, Spring answers a revalidation with 304 itself.
		return ResponseEntity.ok()
			.cacheControl(CACHE)
			.eTag("\"" + file.contentHash() + "\"")
			.lastModified(file.uploadedAt())
			.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.contentType(MediaType.parseMediaType(file.servedType()))
			.body(file.bytes());
	}

}
