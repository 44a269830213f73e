package org.oneweek.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.platform.Weeks;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization department plans a quarter on a phone: watches the live score, swaps
 * two members and is told which hard rule the swap broke, swaps back, publishes; a member
 * then finds the new term on their home page.
 */
@OneweekTest
class RosterPlanningBrowserTest {

	/** Finds a swap that must break "never two weeks running" (see the test). */
	private static final String FIND_BREAKING_SWAP = """
			const allowed = new Set(arguments[0].map(String));
			const chips = [...document.querySelectorAll('a.chip[data-slot]')].map((a) => {
			  const slot = a.getAttribute('data-slot');
			  const week = [...document.querySelectorAll('section.week')].indexOf(a.closest('section.week'));
			  return { slot, member: slot.split(':')[2], week, post: a.closest('.post') };
			}).filter((c) => c.member !== '0');
			for (const y of chips) {
			  if (!allowed.has(y.member)) continue;
			  const earlier = chips.find((c) => c.member === y.member && c.week <= y.week - 2);
			  if (!earlier) continue;
			  const x = chips.find((c) => c.week === earlier.week + 1 && c.member !== y.member
			      && !chips.some((o) => o.member === c.member && o.week === y.week));
			  if (x) return [y.slot, x.slot, y.member, x.member];
			}
			return null;""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

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

	@Test
	void theAdministratorPlansAQuarterFixesABrokenSwapPublishesAndAMemberSeesTheNewTerm() throws Exception {
		LocalDate from = Weeks.mondayOf(LocalDate.now(clock)).plusWeeks(100);
		LocalDate to = from.plusWeeks(12);
		login("admin");
		browser.findElement(By.id("open-roster")).click();
		setDate("from", from);
		setDate("to", to);
		WebElement seconds = browser.findElement(By.id("seconds"));
		seconds.clear();
		seconds.sendKeys("5");
		browser.findElement(By.id("start-plan")).click();

		// the live score, updated while the planner works
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("best-hard")));
		assertThat(browser.findElement(By.id("live-score")).getText()).contains("目前最好的方案").contains("硬性规则违反");
		assertFitsThePhone();
		Browser.screenshot(browser, "roster-run-live");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-result")));
		assertThat(browser.findElement(By.id("result-feasible")).getText()).isEqualTo("所有硬性规则都已满足。");
		Browser.screenshot(browser, "roster-run-done");
		clickAndWait(browser.findElement(By.id("open-result")));
		assertThat(browser.findElement(By.id("feasible")).isDisplayed()).isTrue();
		assertFitsThePhone();

		// a swap that puts a member on two weeks running
		List<String> withAccounts = jdbc
			.sql("select member_id::text from user_account where member_id is not null and enabled")
			.query(String.class)
			.list();
		@SuppressWarnings("unchecked")
		List<String> swap = (List<String>) ((JavascriptExecutor) browser).executeScript(FIND_BREAKING_SWAP,
				withAccounts);
		assertThat(swap).as("a member serving twice with a week in between").isNotNull();
		String ySlot = swap.get(0);
		String xSlot = swap.get(1);
		String y = swap.get(2);
		String x = swap.get(3);
		pick(ySlot);
		clickAndWait(browser.findElement(By.cssSelector("button.chip[value='" + xSlot + "']")));

		WebElement error = browser.findElement(By.cssSelector(".flash.error"));
		assertThat(error.getText()).contains("违反了硬性规则").contains("不连续两周任职");
		String name = jdbc.sql("select name from member where id = ?")
			.param(Long.valueOf(y))
			.query(String.class)
			.single();
		assertThat(browser.findElement(By.id("rule-noConsecutiveWeeks")).getText()).contains(name).contains("连续两周任职");
		assertThat(browser.findElement(By.id("infeasible")).isDisplayed()).isTrue();
		assertThat(browser.findElements(By.cssSelector("a.chip.bad"))).isNotEmpty();
		assertFitsThePhone();
		Browser.screenshot(browser, "roster-swap-broken");
		scrollTo("score");
		Browser.screenshot(browser, "roster-swap-broken-why");
		scrollTo("board");
		Browser.screenshot(browser, "roster-board");

		// fix it: swap them back
		pick(withMember(xSlot, y));
		clickAndWait(browser.findElement(By.cssSelector("button.chip[value='" + withMember(ySlot, x) + "']")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("所有硬性规则仍然满足");
		assertThat(browser.findElement(By.id("feasible")).isDisplayed()).isTrue();

		clickAndWait(browser.findElement(By.id("publish")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("已发布");
		Browser.screenshot(browser, "roster-published");
		browser.findElement(By.id("logout")).click();

		// the member finds the new term on the home page
		String username = jdbc.sql("select username from user_account where member_id = ?")
			.param(Long.valueOf(y))
			.query(String.class)
			.single();
		login(username);
		WebElement notices = browser.findElement(By.id("roster-notices"));
		// the swapped member may serve on a team or as a street's troubleshooter
		Map<String, Object> term = jdbc.sql("""
				select name, week_start from (
				  select v.name, t.week_start from term t join term_member tm on tm.term_id = t.id
				  join village v on v.id = t.village_id where tm.member_id = :m and t.week_start between :from and :to
				  union all
				  select tw.name, d.week_start from troubleshooter_duty d join township tw on tw.id = d.township_id
				  where d.member_id = :m and d.week_start between :from and :to) duties
				order by week_start limit 1""")
			.param("m", Long.valueOf(y))
			.param("from", from)
			.param("to", to)
			.query()
			.singleRow();
		assertThat(notices.getText()).contains("新任务已发布")
			.contains(Weeks.label(((java.sql.Date) term.get("week_start")).toLocalDate()))
			.contains((String) term.get("name"));
		assertFitsThePhone();
		Browser.screenshot(browser, "roster-member-home");
		browser.findElement(By.linkText("查看我的排班")).click();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains((String) term.get("name"));
	}

	/** Clicks and waits for the next page, so nothing is read from the one left. */
	private void clickAndWait(WebElement element) {
		try {
			element.click();
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			// chromedriver may report the click after the new page replaced the old one
			if (!String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				throw ex;
			}
		}
		Browser.awaitNewPage(browser, element);
	}

	private void pick(String slot) {
		clickAndWait(browser.findElement(By.cssSelector("a.chip[data-slot='" + slot + "']")));
		assertThat(browser.findElement(By.id("pick")).isDisplayed()).isTrue();
	}

	private static String withMember(String slot, String member) {
		return slot.substring(0, slot.lastIndexOf(':') + 1) + member;
	}

	private void login(String username) {
		Browser.logIn(browser, port, username, Browser.DEMO_PASSWORD);
	}

	private void scrollTo(String id) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
	}

	private void setDate(String id, LocalDate date) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
				date.toString());
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
