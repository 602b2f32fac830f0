package dev.podsite.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import dev.podsite.support.Counts;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interface's words exist in both languages: every key of one bundle is in the other,
 * with words in it.
 */
class MessageBundlesTests {

	@Test
	void everyMessageIsInEnglishAndInRomanian() throws IOException {
		Properties english = bundle("messages.properties");
		Properties romanian = bundle("messages_ro.properties");
		assertThat(romanian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (Properties messages : new Properties[] { english, romanian }) {
			messages.forEach((key, value) -> assertThat(value.toString().strip()).as(key.toString()).isNotEmpty());
		}
	}

	/**
	 * The scripts say nothing of their own: what they show comes from the page, in its
	 * language (data- attributes filled from the bundles).
	 */
	@Test
	void scriptsHaveNoWordsOfTheirOwn() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:static/js/*.js");
		assertThat(scripts).isNotEmpty();
		Pattern words = Pattern.compile("\\p{L}{2,}\\s+\\p{L}{2,}");
		for (Resource script : scripts) {
			String code = script.getContentAsString(StandardCharsets.UTF_8)
				.replaceAll("(?s)/\\*.*?\\*/", "")
				.replaceAll("(?m)//.*$", "");
			assertThat(Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"").matcher(code).results().map(MatchResult::group))
				.as(script.getFilename())
				.filteredOn((literal) -> !literal.equals("'use strict'"))
				.noneMatch((literal) -> words.matcher(literal).find());
		}
	}

	@Test
	void romanianCountsTakeTheirThreeForms() {
		assertThat(Counts.form(1)).isEqualTo(1);
		for (long few : new long[] { 0, 2, 19, 101, 119 }) {
			assertThat(Counts.form(few)).as("%d", few).isEqualTo(2);
		}
		for (long other : new long[] { 20, 21, 100, 120, 1000 }) {
			assertThat(Counts.form(other)).as("%d", other).isEqualTo(3);
		}
	}

	static Properties bundle(String name) throws IOException {
		Properties messages = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
				StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		return messages;
	}

}
