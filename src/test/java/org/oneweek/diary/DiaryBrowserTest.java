package org.oneweek.diary;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.casework.CaseSource;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterManagement;
import org.oneweek.web.Browser;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CasePhotos;
import org.oneweek.casework.CaseFunding;
import org.oneweek.people.MemberId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 360 px phone: a secretary writes the day's diary with two linked cases (one of the
 * day's, one added), reloads half-way and loses the connection without losing a word,
 * saves; opens the diary of a day that has closed (written two days ago, at the time) and
 * can only amend it; hands the term over; and the next team's lead acknowledges the
 * hand-over report.
 */
@OneweekTest
class DiaryBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	CasePhotos photos;

	@Autowired
	CaseFunding funding;

	@Autowired
	Diaries diaries;

	@Autowired
	RosterManagement roster;

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
	void aSecretaryWritesTodaysDiaryReloadsAmendsAClosedOneAndTheNextLeadAcknowledgesTheReport() throws Exception {
		LocalDate today = LocalDate.now(clock);
		LocalDate twoDaysAgo = today.minusDays(2);
		long village = fixtures.newVillage("JA");
		// the same team serves this week and (if it is another week) the week of two days
		// ago, so that one of its diaries has closed
		List<Long> members = freeInBothWeeks(Weeks.mondayOf(today), Weeks.mondayOf(twoDaysAgo));
		long termId = roster
			.createTerm(VillageId.of(village), Weeks.mondayOf(today), Ids.all(members, MemberId::of),
					MemberId.of(members.get(0)))
			.value();
		if (!Weeks.mondayOf(twoDaysAgo).equals(Weeks.mondayOf(today))) {
			roster.createTerm(VillageId.of(village), Weeks.mondayOf(twoDaysAgo), Ids.all(members, MemberId::of),
					MemberId.of(members.get(0)));
		}
		Team next = fixtures.team(village, Weeks.mondayOf(today).plusWeeks(1));
		AccountPrincipal me = principal(members.get(0));
		AccountPrincipal teammate = principal(members.get(1));

		String mine = record(village, me, "河边垃圾点满了");
		String theirs = record(village, teammate, "老石桥护栏松动");
		long theirsId = jdbc.sql("select id from case_file where reference = ?")
			.param(theirs)
			.query(Long.class)
			.single();
		WriteDiary earlier = new WriteDiary(null, null, null, null, "前天走访了六户", null, null);
		diaries.save(me, twoDaysAgo, earlier,
				twoDaysAgo.atTime(LocalTime.of(20, 0)).atZone(clock.getZone()).toInstant());

		login(me.getUsername());
		browser.findElement(By.id("write-diary")).click();
		assertThat(browser.findElement(By.id("diary-heading")).getText()).contains("民情日记");
		assertThat(browser.findElement(By.id("linked-cases")).getText()).contains(mine).contains("自动列入");
		assertFitsThePhone();

		type("places", "村委会晨会，东江河堤");
		type("done", "上午晨会听取群众意见，记下垃圾和护栏的问题。");
		waitForAutosave();
		type("plan", "明天请街道派焊工");
		waitForAutosave();
		Browser.screenshot(browser, "diary-write-zh");

		// reloaded half-way: nothing is lost
		browser.navigate().refresh();
		assertThat(field("places")).isEqualTo("村委会晨会，东江河堤");
		assertThat(field("done")).isEqualTo("上午晨会听取群众意见，记下垃圾和护栏的问题。");
		assertThat(field("plan")).isEqualTo("明天请街道派焊工");

		// the connection drops while typing: the text waits on the phone and is saved
		// once
		// the phone is back online
		ChromeDriver chrome = (ChromeDriver) browser;
		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		chrome.setNetworkConditions(offline);
		type("heard", "有人说停水三次没有通知。");
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"), "网络断了"));
		chrome.deleteNetworkConditions();
		waitForAutosave();
		browser.navigate().refresh();
		assertThat(field("heard")).isEqualTo("有人说停水三次没有通知。");

		type("reflections", "群众最关心的是老石桥。");
		browser.findElement(By.id("add-case-" + theirsId)).click();
		waitForText(By.cssSelector(".flash.ok"), "问题已加入");
		assertThat(browser.findElement(By.id("linked-cases")).getText()).contains(mine).contains(theirs);
		assertThat(field("reflections")).isEqualTo("群众最关心的是老石桥。");
		browser.findElement(By.id("save-diary")).click();
		waitForText(By.cssSelector(".flash.ok"), "日记已保存");
		assertFitsThePhone();

		// the diary of two days ago has closed: it can only be amended
		browser.get(url("/diary/" + twoDaysAgo));
		assertThat(browser.findElements(By.id("diary-form"))).isEmpty();
		assertThat(browser.findElement(By.id("closed-note")).getText()).contains("关闭");
		assertThat(browser.findElement(By.id("diary-content")).getText()).contains("前天走访了六户");
		browser.findElement(By.id("amendment")).sendKeys("补记：护栏的事已报街道。");
		browser.findElement(By.id("save-amendment")).click();
		waitForText(By.cssSelector(".flash.ok"), "补记已保存");
		assertThat(browser.findElement(By.id("amendments")).getText()).contains("补记：护栏的事已报街道。")
			.contains(today.toString());
		assertFitsThePhone();
		Browser.screenshot(browser, "diary-amend-zh");

		// the team hands over; the next lead acknowledges
		browser.get(url("/diary/reports/" + termId));
		reconciliationLoaded();
		browser.findElement(By.id("notes-text")).sendKeys("护栏要回访，道路工程盯紧。");
		browser.findElement(By.id("save-notes")).click();
		waitForText(By.cssSelector(".flash.ok"), "留言已保存");
		reconciliationLoaded();
		browser.findElement(By.id("hand-over")).click();
		waitForText(By.cssSelector(".flash.ok"), "已移交");
		assertThat(browser.findElement(By.id("report-status")).getText()).contains("已于");
		assertThat(browser.findElement(By.id("report-notes")).getText()).contains("护栏要回访");
		assertFitsThePhone();
		browser.findElement(By.id("logout")).click();

		login(next.lead().getUsername());
		WebElement waiting = browser.findElement(By.id("diary-acknowledge"));
		// other tests may have left this member another report to acknowledge: open this
		// one
		waiting.findElement(By.cssSelector("a.button[href$='/diary/reports/" + termId + "']")).click();
		assertThat(browser.findElement(By.id("report-open")).getText()).contains("河边垃圾点满了");
		reconciliationLoaded();
		browser.findElement(By.id("acknowledge-report")).click();
		waitForText(By.cssSelector(".flash.ok"), "已确认接收");
		assertThat(browser.findElement(By.id("report-status")).getText()).contains("确认接收")
			.contains(next.lead().displayName());
		assertThat(browser.findElements(By.id("acknowledge-report"))).isEmpty();
		assertFitsThePhone();
		Browser.screenshot(browser, "diary-report-acknowledged-zh");
	}

	private String record(long village, AccountPrincipal who, String title) {
		IntakeForm form = CaseFixtures.intake(village, title);
		form.setSource(CaseSource.MORNING_MEETING);
		return intake.record(form.toCommand(), who, clock.instant()).reference();
	}

	private void login(String username) {
		Browser.logIn(browser, port, username, Browser.DEMO_PASSWORD);
	}

	private void waitForText(By element, String text) throws Exception {
		try {
			// a page that is replaced while the text is read (the redirect after a post)
			// is
			// read again, not a failure
			new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
				.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// what the page showed instead, and where it was
			Browser.screenshot(browser, "diary-failed-waiting");
			java.nio.file.Files.writeString(java.nio.file.Path.of("target", "screenshots", "diary-failed-waiting.html"),
					browser.getCurrentUrl() + "\n" + browser.getPageSource());
			throw ex;
		}
	}

	/**
	 * The hand-over report loads its reconciliation section after the page: a click while
	 * it comes in lands where the button was before the section pushed it down. A person
	 * waits for the page too; so does the test, and its title stays the report's.
	 */
	private void reconciliationLoaded() throws Exception {
		waitForText(By.cssSelector("#report-reconciliation h2.recon-in-handover"), "对账");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((d) -> d.findElements(By.cssSelector(
				"#report-reconciliation.htmx-request, #report-reconciliation .htmx-settling, #report-reconciliation.htmx-settling"))
			.isEmpty());
		assertThat(browser.getTitle()).contains("交接报告");
	}

	private void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private String field(String id) {
		return browser.findElement(By.id(id)).getAttribute("value");
	}

	private void waitForAutosave() {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions
			.textMatches(By.id("autosave-status"), java.util.regex.Pattern.compile("已自动保存 \\d\\d:\\d\\d:\\d\\d")));
		// the next change must be saved after this one: leave the status as it was
		((JavascriptExecutor) browser).executeScript("document.getElementById('autosave-status').textContent = '';");
	}

	private void assertFitsThePhone() {
		Object scrollWidth = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		assertThat(((Number) scrollWidth).intValue()).as("page width on a 360 px phone").isLessThanOrEqualTo(360);
	}

	private AccountPrincipal principal(long memberId) {
		return fixtures.principal(jdbc.sql("select username from user_account where member_id = ? order by id limit 1")
			.param(memberId)
			.query(String.class)
			.single());
	}

	/** Three members with accounts, free in both weeks. */
	private List<Long> freeInBothWeeks(LocalDate first, LocalDate second) {
		List<Long> free = freeDemoMembersInBothWeeks(first, second);
		while (free.size() < 3) {
			// the demo's members are all serving the real week: new ones
			free.add(fixtures.newMemberWithAccount());
		}
		return free;
	}

	private List<Long> freeDemoMembersInBothWeeks(LocalDate first, LocalDate second) {
		return new ArrayList<>(jdbc
			.sql("""
					select m.id from member m where m.active
					  and exists (select 1 from user_account a where a.member_id = m.id and 'SECRETARY' = any(a.roles)
					              and 'TROUBLESHOOTER' = any(a.roles))
					  and not exists (select 1 from term t join term_member tm on tm.term_id = t.id
					                  where tm.member_id = m.id and t.week_start in (?, ?))
					  and not exists (select 1 from troubleshooter_duty d where d.member_id = m.id and d.week_start in (?, ?))
					order by random() limit 3""")
			.params(first, second, first, second)
			.query(Long.class)
			.list());
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
