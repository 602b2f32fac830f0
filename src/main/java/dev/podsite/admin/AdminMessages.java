package dev.podsite.admin;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the admin's controllers say to the host (flash messages, errors), from the message
 * bundles in the language of the request being answered (admin.*).
 */
@Component
class AdminMessages {

	private final MessageSource messages;

	AdminMessages(MessageSource messages) {
		this.messages = messages;
	}

	String get(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/** A notice of the import or of an upload check, in the request's language. */
	String get(MessageSourceResolvable notice) {
		return this.messages.getMessage(notice, LocaleContextHolder.getLocale());
	}

}
