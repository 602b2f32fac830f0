package dev.podsite.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The interface's words (messages*.properties), set by {@code spring.messages.*} as
 * Spring Boot would, with one change: every formatting of a message with arguments gets
 * its own copy of the message's format. Spring keeps one MessageFormat per message and
 * language and formats under a lock on it, so every page rendered at once queued on the
 * same few messages (an episode list formats a date and a duration per row).
 */
@Configuration(proxyBeanMethods = false)
class InterfaceMessages {

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	/** The name Spring's context looks the messages up by. */
	@Bean
	ResourceBundleMessageSource messageSource(MessageSourceProperties properties) {
		ResourceBundleMessageSource messages = new UnsharedFormatMessageSource();
		messages.setBasenames(properties.getBasename().toArray(String[]::new));
		if (properties.getEncoding() != null) {
			messages.setDefaultEncoding(properties.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			messages.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		if (properties.getCommonMessages() != null && !properties.getCommonMessages().isEmpty()) {
			Properties common = new Properties();
			for (Resource resource : properties.getCommonMessages()) {
				try {
					PropertiesLoaderUtils.fillProperties(common, resource);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Failed to load common messages from " + resource, ex);
				}
			}
			messages.setCommonMessages(common);
		}
		return messages;
	}

	/** Hands out a copy of the kept format, which its caller then locks alone. */
	static class UnsharedFormatMessageSource extends ResourceBundleMessageSource {

		@Override
		protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
			MessageFormat kept = super.resolveCode(code, locale);
			return (kept != null) ? (MessageFormat) kept.clone() : null;
		}

	}

}
