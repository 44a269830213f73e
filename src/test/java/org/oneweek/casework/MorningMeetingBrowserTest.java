package org.oneweek.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.places.VillageId;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.oneweek.web.Browser;
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
 * A week in 东江村 as the story lives it, on a 360 px phone: 陈 records three problems at the
 * morning meeting and sends the bridge to the troubleshooter as urgent; the
 * troubleshooter sees it first on their list and resolves it; the villager's callback
 * closes it; the village's next team acknowledges the other two in their hand-over.
 */
@OneweekTest
class MorningMeetingBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Cases cases;

	@Autowired
	Clock clock;

	@Autowired
	Terms terms;

	@Autowired
	JdbcClient jdbc;

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
	void fromTheMorningMeetingToTheCallbackAndTheNextTeam() throws Exception {
		// 东江村 this week: 陈国华 leads the team, 周文斌 is 江岸街道's troubleshooter; the
		// village's next term is published, its lead has an account
		long dongjiang = fixtures.villageId("DJ");
		LocalDate today = LocalDate.now(clock);
		Term next = terms.allOfVillage(VillageId.of(dongjiang))
			.stream()
			.filter((t) -> t.weekStart().isAfter(today))
			.reduce((later, earlier) -> earlier)
			.orElseThrow();
		String nextLead = jdbc.sql("select username from user_account where member_id = ? order by id limit 1")
			.param(next.leadId().value())
			.query(String.class)
			.single();
		String nextLeadName = fixtures.principal(nextLead).displayName();

		login("secretary");
		navigate(browser.findElement(By.id("record-case")));
		List<String> references = new ArrayList<>();
		references.add(record("河边垃圾点满了，两车都拉不完", "SANITATION", "河堤东段"));
		references.add(record("老石桥栏杆松动，孩子每天经过", "BRIDGES", "老石桥"));
		assertFitsThePhone();
		Browser.screenshot(browser, "case-intake-recorded");
		references.add(record("进城道路坑洼积水", "ROADS", "村口到镇上"));
		assertThat(references).doesNotHaveDuplicates().allMatch((r) -> r.matches("QX-\\d{4}-\\d{5,}"));
		assertThat(browser.findElement(By.id("recorded-today")).getText()).contains("老石桥栏杆松动", "进城道路坑洼积水");

		// the bridge goes to the troubleshooter, as urgent
		String bridge = references.get(1);
		navigate(browser.findElement(By.linkText(bridge)));
		assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo("已受理");
		browser.findElement(By.id("kind-TROUBLESHOOTER")).click();
		browser.findElement(By.cssSelector("#assign-urgency option[value=URGENT]")).click();
		submit(By.id("assign-submit"));
		assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo("已派单");
		assertThat(browser.findElement(By.id("case-responsible")).getText()).contains("机动书记", "周文斌");
		assertFitsThePhone();
		Browser.screenshot(browser, "case-assigned-urgent");
		logout();

		// the troubleshooter sees it first on their list, works on it and resolves it
		login("troubleshooter");
		WebElement urgent = browser.findElement(By.id("urgent-cases"));
		List<WebElement> items = urgent.findElements(By.cssSelector("li.case-item"));
		// on the list of urgent cases (other tests' urgent cases of the street, due
		// earlier,
		// may come before it: the list is by urgency, then deadline)
		WebElement mine = items.stream()
			.filter((item) -> item.getText().contains(bridge))
			.findFirst()
			.orElseThrow(() -> new AssertionError(bridge + " is not on the troubleshooter's urgent list"));
		assertThat(mine.getText()).contains(bridge, "老石桥栏杆松动", "紧急");
		assertFitsThePhone();
		Browser.screenshot(browser, "case-troubleshooter-home");
		navigate(mine.findElement(By.linkText(bridge)));
		browser.findElement(By.id("start-note")).sendKeys("已到现场，联系街道派焊工");
		submit(By.id("start-submit"));
		assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo("办理中");
		browser.findElement(By.id("resolve-text")).sendKeys("焊工已加固两处栏杆");
		submit(By.id("resolve-submit"));
		assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo("已办结");
		logout();

		// the callback: the villager is satisfied
		login("secretary");
		browser.get(url("/cases/" + bridge));
		browser.findElement(By.id("satisfaction-SATISFIED")).click();
		browser.findElement(By.id("close-text")).sendKeys("电话回访，群众满意");
		submit(By.id("close-submit"));
		assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo("已回访结案");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("回访结案：满意", "办结：焊工已加固两处栏杆",
				"派单给 机动书记 周文斌");
		Browser.screenshot(browser, "case-closed");

		// Sunday: the team hands over what is still open
		browser.get(url("/cases/mine"));
		browser.findElement(By.id("handover-note")).sendKeys("垃圾点已联系环卫，道路需街道立项");
		submit(By.cssSelector("#make-handover button"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("已移交");
		long thisTerm = terms.ofVillage(VillageId.of(dongjiang), today).orElseThrow().id().value();
		long handoverId = jdbc.sql("select id from case_handover where from_term_id = ?")
			.param(thisTerm)
			.query(Long.class)
			.single();
		logout();

		// next week's lead sees the hand-over on the today page and acknowledges it
		login(nextLead);
		WebElement waiting = browser.findElement(By.id("handover-waiting"));
		assertThat(waiting.getText()).contains("请确认接收");
		navigate(waiting.findElement(By.id("handover-" + handoverId)));
		String handover = browser.findElement(By.tagName("main")).getText();
		assertThat(handover).contains(references.get(0), references.get(2), "河边垃圾点满了", "进城道路坑洼积水")
			.doesNotContain(bridge)
			.contains("垃圾点已联系环卫");
		assertFitsThePhone();
		Browser.screenshot(browser, "case-handover");
		submit(By.id("acknowledge"));
		assertThat(browser.findElement(By.id("acknowledged")).getText()).contains(nextLeadName);
		assertThat(cases.byReference(references.get(0)).orElseThrow().responsibleTermId()).isEqualTo(next.id());
		assertThat(cases.byReference(bridge).orElseThrow().state()).isEqualTo(CaseState.CLOSED);
		logout();
	}

	private String record(String title, String category, String location) {
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.cssSelector("input[name=category][value=" + category + "]")).click();
		browser.findElement(By.id("location")).sendKeys(location);
		browser.findElement(By.id("reporterName")).sendKeys("老李");
		browser.findElement(By.id("reporterPhone")).sendKeys("13812345678");
		submit(By.id("save-case"));
		WebElement recorded = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#recorded .reference")));
		// the form is empty again, ready for the next problem
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEmpty();
		return recorded.getText();
	}

	/** Clicks and waits for the next page, so no element of the old one is read. */
	private void navigate(WebElement element) {
		WebElement page = browser.findElement(By.tagName("html"));
		try {
			element.click();
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			// chromedriver may report the click after the new page replaced the old one
			if (!String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				throw ex;
			}
		}
		org.oneweek.web.Browser.awaitNewPage(browser, page);
	}

	private void submit(By button) {
		navigate(browser.findElement(button));
	}

	private void login(String username) {
		Browser.logIn(browser, port, username, Browser.DEMO_PASSWORD);
	}

	private void logout() {
		browser.findElement(By.id("logout")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
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
