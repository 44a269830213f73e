package org.oneweek.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseSource;
import org.oneweek.diary.FindingOutcome;
import org.oneweek.diary.InspectionId;
import org.oneweek.diary.Inspections;
import org.oneweek.diary.RecordFinding;
import org.oneweek.diary.RecordInspection;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterManagement;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 360 px phone: the team lead opens this week's reconciliation, confirms two of the
 * proposals, pairs one villager's problem with an officials' item by hand, and prints the
 * report with the officials' blind spots.
 */
@OneweekTest
class ReconciliationBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	Inspections inspections;

	@Autowired
	Accounts accounts;

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
	void aSecretaryReviewsTheWeeksProposalsPairsOneByHandAndPrintsTheReport() throws Exception {
		LocalDate today = LocalDate.now(clock);
		Instant now = clock.instant();
		VillageId village = VillageId.of(fixtures.newVillage("JA"));
		List<Long> members = freeThisWeek(Weeks.mondayOf(today));
		roster.createTerm(village, Weeks.mondayOf(today), Ids.all(members, MemberId::of), MemberId.of(members.get(0)));
		AccountPrincipal lead = principal(members.get(0));
		AccountPrincipal committee = committee(village);
		long mainRoad = record(village, "ROADS", "村主干道路面破损严重，需申请资金修补", CaseSource.OFFICIALS_LIST, committee, now);
		long riverside = record(village, "SANITATION", "沿河垃圾收集点清运不及时", CaseSource.OFFICIALS_LIST, committee, now);
		record(village, "AGRICULTURE", "春耕前灌溉渠需要清淤", CaseSource.OFFICIALS_LIST, committee, now);
		long garbage = record(village, "SANITATION", "村东头河边垃圾堆了好几天没人清运，天热了臭得很", CaseSource.MORNING_MEETING, lead, now);
		long road = record(village, "ROADS", "去镇上的主路坑坑洼洼，下雨天电动车根本没法骑", CaseSource.MORNING_MEETING, lead, now);
		long bridge = record(village, "BRIDGES", "三组那座老石桥栏杆松了，孩子上学要过桥，担心出事", CaseSource.MORNING_MEETING, lead, now);
		record(village, "WATER", "地里的水渠堵了，水过不去", CaseSource.WALK_IN, lead, now);
		record(village, "SOCIAL_SECURITY", "老伴的高龄补贴三个月没到账，不知道找谁问", CaseSource.PHONE, lead, now);
		InspectionId walk = inspections.record(new RecordInspection(today, "河堤 → 通镇道路 → 三组石桥", null, null, List.of()),
				lead, now);
		long railing = inspections.addFinding(walk,
				new RecordFinding("三组石桥护栏两处松动，桥面有裂缝", null, null, FindingOutcome.NEW_CASE, "BRIDGES", null, null), null,
				lead, now);

		Browser.logIn(browser, port, lead.getUsername(), Browser.DEMO_PASSWORD);
		browser.get(url("/reconciliation"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("对账").contains(Weeks.label(today));
		assertThat(browser.findElements(By.cssSelector(".recon-match"))).hasSizeGreaterThanOrEqualTo(3);
		assertThat(browser.findElement(By.id("proposals")).getText()).contains("待确认");
		assertThat(browser.findElement(By.cssSelector(".recon-reasons")).getText()).contains("意思相近");
		assertFitsThePhone();
		Browser.screenshot(browser, "reconciliation-review-zh");

		// the garbage and the bridge: the same problems, the secretary says
		for (String pair : List.of("pair-O" + riverside + "-V" + garbage, "pair-F" + railing + "-V" + bridge)) {
			WebElement confirm = browser.findElement(By.cssSelector("#" + pair + " button.confirm"));
			((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", confirm);
			confirm.click();
			new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(confirm));
			waitForText(By.cssSelector(".flash.ok"), "已确认是同一问题");
			assertThat(browser.findElement(By.id(pair)).getText()).contains("已确认").contains(lead.displayName());
		}
		int confirmed = browser.findElements(By.cssSelector(".recon-pair.standing-CONFIRMED")).size();
		assertThat(confirmed).isEqualTo(2);

		// the road to town is the officials' main road: paired by hand (proposed or not)
		new Select(browser.findElement(By.id("left"))).selectByValue("V" + road);
		new Select(browser.findElement(By.id("right"))).selectByValue("O" + mainRoad);
		WebElement pair = browser.findElement(By.id("pair-by-hand"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", pair);
		pair.click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(pair));
		waitForText(By.cssSelector(".flash.ok"), "已手工配对");
		assertThat(browser.findElement(By.id("pair-O" + mainRoad + "-V" + road)).getText()).contains("已确认");
		assertThat(browser.findElements(By.cssSelector(".recon-pair.standing-CONFIRMED"))).hasSize(3);
		assertThat(browser.findElement(By.id("outcome-VILLAGER_ONLY")).getText()).contains("高龄补贴");
		assertFitsThePhone();

		browser.findElement(By.id("print-report")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("对账报告");
		// the bridge was found on the walk, but no official had listed it
		assertThat(browser.findElement(By.id("outcome-VILLAGER_ONLY")).getText()).contains("干部盲区")
			.contains("高龄补贴")
			.contains("石桥");
		assertThat(browser.findElement(By.id("outcome-MATCHED")).getText()).contains("河边垃圾").contains("灌溉渠");
		assertFitsThePhone();
		Browser.screenshot(browser, "reconciliation-report-zh");
		browser.get(url("/reconciliation?lang=en"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("reconciliation");
		assertFitsThePhone();
		Browser.screenshot(browser, "reconciliation-review-en");
	}

	private long record(VillageId village, String category, String title, CaseSource source, AccountPrincipal by,
			Instant at) {
		return intake.record(RecordCase.of(village, category, title).withSource(source), by, at).id().value();
	}

	private AccountPrincipal committee(VillageId village) {
		String username = "committee-rb-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
		accounts.create(new CreateAccount(username, "村委会刘芳", Set.of(Role.COMMITTEE), null, village, null,
				"reconcile-" + System.nanoTime() + "-Xq"), "test", true);
		return fixtures.principal(username);
	}

	private void waitForText(By element, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
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

	/**
	 * Three members with secretary accounts serving nowhere this week: the demo's, or new
	 * ones.
	 */
	private List<Long> freeThisWeek(LocalDate monday) {
		List<Long> free = new ArrayList<>(jdbc.sql("""
				select m.id from member m where m.active
				  and exists (select 1 from user_account a where a.member_id = m.id and 'SECRETARY' = any(a.roles)
				              and 'TROUBLESHOOTER' = any(a.roles))
				  and not exists (select 1 from term t join term_member tm on tm.term_id = t.id
				                  where tm.member_id = m.id and t.week_start = ?)
				  and not exists (select 1 from troubleshooter_duty d where d.member_id = m.id and d.week_start = ?)
				order by random() limit 3""").params(monday, monday).query(Long.class).list());
		while (free.size() < 3) {
			// the demo's members are all serving the real week: new ones
			free.add(fixtures.newMemberWithAccount());
		}
		return free;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
