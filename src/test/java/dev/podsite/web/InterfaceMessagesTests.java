package dev.podsite.web;

import java.text.MessageFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each formatting of a message gets its own format: pages rendered at once no longer
 * queue on the one format Spring keeps per message.
 */
class InterfaceMessagesTests {

	@Test
	void eachFormattingGetsItsOwnFormat() {
		InterfaceMessages.UnsharedFormatMessageSource messages = new InterfaceMessages.UnsharedFormatMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		MessageFormat first = messages.resolveCode("pages.position", Locale.ENGLISH);
		MessageFormat second = messages.resolveCode("pages.position", Locale.ENGLISH);
		assertThat(first).isNotNull().isNotSameAs(second).isEqualTo(second);
	}

	@Test
	void messagesAreFormattedAsBefore() {
		InterfaceMessages.UnsharedFormatMessageSource messages = new InterfaceMessages.UnsharedFormatMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		assertThat(messages.getMessage("pages.position", new Object[] { 3, 12 }, Locale.ENGLISH))
			.isEqualTo("Page 3 of 12");
	}

}
