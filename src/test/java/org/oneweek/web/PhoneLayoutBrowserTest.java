package org.oneweek.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneweek.OneweekTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization department's pages on a 360 px phone: nothing wider than the screen,
 * text no smaller than 16 px. Screenshots are kept under target/screenshots.
 */
@OneweekTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLayoutBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebDriver browser;

	@BeforeAll
	void logIn() {
		browser = Browser.phone();
		Browser.logIn(browser, port, "admin", Browser.DEMO_PASSWORD);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-week")));
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/places", "/places/villages/new", "/places/villages/{village}", "/members",
			"/members/new", "/members/{member}", "/accounts", "/accounts/new", "/units", "/imports/places", "/account",
			"/accounts/{account}/tokens", "/cases", "/cases/settings", "/diary/compliance", "/diary/villages/{village}",
			"/bulletin/open311/keys", "/roster/schedules", "/roster/changes", "/roster/settings", "/notices",
			"/notices?lang=en", "/cases/new" })
	void pageFitsAPhoneWithReadableText(String page) throws Exception {
		String path = page
			.replace("{village}",
					String.valueOf(jdbc.sql("select id from village where code = 'DJ'").query(Long.class).single()))
			.replace("{member}", String.valueOf(jdbc.sql("select min(id) from member").query(Long.class).single()))
			.replace("{account}", String
				.valueOf(jdbc.sql("select id from user_account where username = 'admin'").query(Long.class).single()));
		browser.get("http://localhost:" + port + path);
		JavascriptExecutor js = (JavascriptExecutor) browser;
		long width = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
		assertThat(width).as("width of %s", path).isLessThanOrEqualTo(360);
		@SuppressWarnings("unchecked")
		List<Object> small = (List<Object>) js.executeScript(
				"""
						return Array.from(document.querySelectorAll('main *'))
						  .filter(e => e.childNodes.length && Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
						  .filter(e => parseFloat(getComputedStyle(e).fontSize) < 14)
						  .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 30));""");
		assertThat(small).as("text smaller than 14 px on %s", path).isEmpty();
		Browser.screenshot(browser, "phone" + page.replaceAll("[^a-z]+", "-"));
	}

}
