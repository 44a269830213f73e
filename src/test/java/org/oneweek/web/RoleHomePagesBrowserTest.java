package org.oneweek.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import org.oneweek.OneweekTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each demo role logs in on a 360 px phone, sees its own home page in Chinese, switches
 * to English, and logs out.
 */
@OneweekTest
class RoleHomePagesBrowserTest {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.phone();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	static List<Arguments> roles() {
		return List.of(Arguments.of("admin", "admin-week", "本周工作组", "teams this week"),
				Arguments.of("secretary", "my-term", "本周驻村：东江村", "This week you serve in 东江村"),
				Arguments.of("troubleshooter", "my-duty", "本周机动书记：江岸街道", "troubleshooter of 江岸街道"),
				Arguments.of("committee", "committee-village", "东江村村委会", "东江村 village committee"),
				Arguments.of("unit", "unit", "转办给本单位", "Cases referred to your unit"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("roles")
	void eachRoleSeesItsHomePageInChineseThenEnglishAndLogsOut(String username, String sectionId, String chinese,
			String english) throws Exception {
		browser.get(url("/login?lang=zh-CN"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
		Browser.logIn(browser, port, username, Browser.DEMO_PASSWORD);

		assertThat(browser.findElement(By.id(sectionId)).getText()).contains(chinese);
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertFitsThePhone();
		Browser.screenshot(browser, "home-" + username + "-zh");

		browser.findElement(By.linkText("English")).click();
		assertThat(browser.findElement(By.id(sectionId)).getText()).contains(english);
		assertThat(browser.findElement(By.id("logout")).getText()).isEqualTo("Log out");
		assertFitsThePhone();
		Browser.screenshot(browser, "home-" + username + "-en");

		browser.findElement(By.id("logout")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
		assertThat(browser.getCurrentUrl()).contains("/login?logout");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("You have logged out.");
		browser.get(url("/"));
		assertThat(browser.getCurrentUrl()).contains("/login");
	}

	private void assertFitsThePhone() {
		Object scrollWidth = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		assertThat(((Number) scrollWidth).intValue()).as("page width on a 360 px phone").isLessThanOrEqualTo(360);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
