package dev.podsite.web;

import java.nio.file.Path;
import java.time.Duration;

import dev.podsite.support.Chromium;
import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscribe section's copy button in Debian's Chromium: our script shows it, and what
 * it says after a click is the page's own words (its data- attributes, from the
 * messages), whether the browser lets it copy or it selects the address instead.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SubscribeBrowserTests {

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	static void startBrowser(@TempDir Path profile) {
		browser = Chromium.start(profile);
	}

	@AfterAll
	static void stopBrowser() {
		Chromium.quit(browser);
	}

	@BeforeEach
	void aShow() {
		Database.clear(this.jdbc);
		new SiteData(this.context).store(TestEpisodes.show("Show"), TestEpisodes.large(1));
		browser.get("http://localhost:" + this.port + "/");
	}

	@Test
	void withoutTheClipboardTheButtonSelectsTheAddressAndSaysSoInThePagesWords() {
		((JavascriptExecutor) browser)
			.executeScript("Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })");
		WebElement button = browser.findElement(By.cssSelector("[data-copy-feed]"));
		assertThat(button.isDisplayed()).isTrue();
		assertThat(button.getText()).isEqualTo("Copy the address");
		button.click();
		WebElement status = browser.findElement(By.cssSelector("[data-copy-status]"));
		assertThat(status.getText()).isEqualTo("The address is selected: copy it with your keyboard or menu.");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("feed-address");
	}

	@Test
	void theButtonCopiesOrSelectsAndSaysWhichInThePagesWords() {
		browser.findElement(By.cssSelector("[data-copy-feed]")).click();
		WebElement status = browser.findElement(By.cssSelector("[data-copy-status]"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until((driver) -> !status.getText().isEmpty());
		assertThat(status.getText()).isIn(status.getAttribute("data-copied"), status.getAttribute("data-selected"));
	}

}
