package org.oneweek.people;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person creates an API token on a 360 px phone, copies it from the box, and revokes
 * it. Screenshots are kept under target/screenshots.
 */
@OneweekTest
class ApiTokenBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Test
	void aPersonCreatesATokenOnAPhoneAndRevokesIt() throws Exception {
		String username = "tokphone" + ProcessHandle.current().pid() % 10000;
		AccountId accountId = accounts.create(
				new CreateAccount(username, "手机令牌测试", Set.of(Role.ORG_ADMIN), null, null, null, "token-phone-password"),
				"test");
		WebDriver browser = Browser.phone();
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
			Browser.logIn(browser, port, username, "token-phone-password");
			browser.get("http://localhost:" + port + "/account");
			browser.findElement(By.id("token-name")).sendKeys("村委会的考勤表格");
			new Select(browser.findElement(By.id("token-validity"))).selectByValue("DAYS_365");
			browser.findElement(By.id("create-token")).click();
			WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token-value")));
			String token = box.getAttribute("value").strip();
			assertThat(token).startsWith("ow_").hasSize(46);
			assertThat(tokens.authenticate(token)).isPresent();
			JavascriptExecutor js = (JavascriptExecutor) browser;
			assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue())
				.isLessThanOrEqualTo(360);
			assertThat(((Number) js.executeScript(
					"return parseFloat(getComputedStyle(document.getElementById('new-token-value')).fontSize);"))
				.doubleValue()).isGreaterThanOrEqualTo(18);
			assertThat((String) js
				.executeScript("return getComputedStyle(document.getElementById('new-token-value')).fontFamily;"))
				.contains("mono");
			// the whole token is visible in the box, not cut off
			assertThat((Boolean) js.executeScript(
					"var b = document.getElementById('new-token-value'); return b.scrollHeight <= b.clientHeight + 1;"))
				.isTrue();
			js.executeScript("document.getElementById('api-tokens').scrollIntoView();");
			Browser.screenshot(browser, "phone-account-token");

			List<WebElement> revoke = browser.findElements(By.cssSelector(".revoke-token"));
			assertThat(revoke).hasSize(1);
			WebElement page = browser.findElement(By.tagName("html"));
			revoke.get(0).click();
			Browser.awaitNewPage(browser, page);
			assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("令牌已撤销");
			assertThat(browser.findElements(By.cssSelector(".revoke-token"))).isEmpty();
			assertThat(browser.getPageSource()).doesNotContain(token);
			assertThat(tokens.authenticate(token)).isEmpty();
			js.executeScript("document.getElementById('api-tokens').scrollIntoView();");
			Browser.screenshot(browser, "phone-account-token-revoked");
		}
		finally {
			browser.quit();
			accounts.setEnabled(accountId, false, "test");
		}
	}

}
