package org.oneweek.web;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API explorer (Swagger UI) loads for a signed-in user from the application itself
 * and shows the JSON API's operations; an anonymous visitor is sent to the login page.
 */
@OneweekTest
class ApiExplorerBrowserTest {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open(1200, 900);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void swaggerUiShowsTheApiToASignedInUser() throws Exception {
		browser.get("http://localhost:" + port + "/api/v1/docs");
		assertThat(browser.getPageSource()).contains("Unauthorized").doesNotContain("swagger-ui-bundle");
		// (the refused request is remembered for after the login; start afresh)
		browser.manage().deleteAllCookies();

		Browser.logIn(browser, port, "secretary", Browser.DEMO_PASSWORD);
		browser.get("http://localhost:" + port + "/api/v1/docs");
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
		assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).contains("oneweek");
		assertThat(browser.getPageSource()).contains("/api/v1/cases");
		Browser.screenshot(browser, "api-explorer");
	}

}
