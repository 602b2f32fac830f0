package dev.podsite.admin;

import jakarta.servlet.MultipartConfigElement;

import dev.podsite.feedimport.UploadedFiles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How large a request the server reads for the host's uploads (in place of
 * {@code spring.servlet.multipart.*}): twice {@code podsite.media-files.max-bytes}, so a
 * file somewhat too large still reaches the form, which says so; anything larger is
 * refused by the server before it is read (413, with a page that says so), as a request
 * of anyone may be.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

	/** Room for the form's other fields. */
	private static final long FORM_FIELDS = 64 * 1024;

	@Bean
	MultipartConfigElement multipartConfigElement(UploadedFiles uploads) {
		long file = 2 * uploads.maxBytes();
		return new MultipartConfigElement("", file, file + FORM_FIELDS, 0);
	}

}
