package org.oneweek.insights;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneweek.OneweekTest;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseCommands.ResolveCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator on a 360 px phone and on a desktop: opens the dashboard, filters to
 * one street and one month, drills into the overdue cases, records a callback, exports a
 * table as .xlsx (opened here: dates are dates) and prints the monthly report.
 */
@OneweekTest
class InsightsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	Cases cases;

	@Autowired
	Clock clock;

	WebDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 360, 1280 })
	void theAdministratorFiltersDrillsDownCallsBackExportsAndPrints(int width) throws Exception {
		AccountPrincipal admin = fixtures.principal("admin");
		long village = fixtures.newVillage("JA");
		Instant now = clock.instant();
		String overdue = intake
			.record(CaseFixtures.intake(village, "超期的桥").toCommand(), admin, now.minus(Duration.ofDays(20)))
			.reference();
		String resolved = intake
			.record(CaseFixtures.intake(village, "待回访的路灯").toCommand(), admin, now.minus(Duration.ofDays(3)))
			.reference();
		actions.assign(resolved, new AssignCase(AssigneeKind.COMMITTEE, null, null, null, null, null), admin,
				now.minus(Duration.ofDays(3)));
		actions.start(resolved, "已联系", admin, now.minus(Duration.ofDays(2)));
		actions.resolve(resolved, new ResolveCase("换了灯泡"), admin, now.minus(Duration.ofDays(2)));
		LocalDate received = LocalDate.ofInstant(now.minus(Duration.ofDays(20)), clock.getZone());

		browser = (width == 360) ? Browser.phone() : Browser.open(width, 900);
		Browser.logIn(browser, port, "admin", Browser.DEMO_PASSWORD);
		browser.get("http://localhost:" + port + "/insights");
		// the first dashboard of a fresh context compiles its templates: give it time
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("f-township")));
		new Select(browser.findElement(By.id("f-township"))).selectByVisibleText("江岸街道");
		setDate("f-from", received.withDayOfMonth(1));
		setDate("f-to", received.withDayOfMonth(received.lengthOfMonth()));
		browser.findElement(By.cssSelector("#insights-filter button[type=submit]")).click();
		String township = "township=" + fixtures.townshipId("JA");
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
			.until((d) -> d.getCurrentUrl().contains(township));
		Browser.screenshot(browser, "insights-dashboard-" + width);
		Browser.fullPage(browser, "insights-dashboard-full-" + width);

		org.openqa.selenium.WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.id("count-OVERDUE")).click();
		Browser.awaitNewPage(browser, page);
		assertThat(browser.findElement(By.id("drill-cases")).getText()).contains(overdue);
		assertThat(browser.findElement(By.id("drill-count")).getText())
			.contains(String.valueOf(browser.findElements(By.cssSelector("#drill-cases tbody tr")).size()));
		Browser.screenshot(browser, "insights-overdue-" + width);

		browser.get("http://localhost:" + port + "/insights/callbacks");
		String item = "callback-" + resolved;
		browser.findElement(By.id(resolved + "-SATISFIED")).click();
		browser.findElement(By.id(resolved + "-comment")).sendKeys("灯亮了");
		Browser.screenshot(browser, "insights-callbacks-" + width);
		page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("#" + item + " button.reached")).click();
		Browser.awaitNewPage(browser, page);
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains(resolved);
		assertThat(cases.byReference(resolved).orElseThrow().state()).isEqualTo(CaseState.CLOSED);

		String session = browser.manage().getCookieNamed("SESSION").getValue();
		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/insights/export.xlsx?table=cases&measure=OVERDUE"
						+ "&township=" + fixtures.townshipId("JA")))
				.header("Cookie", "SESSION=" + session)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			boolean found = false;
			for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
				if (row.getRowNum() > 0 && overdue.equals(row.getCell(0).getStringCellValue())) {
					Cell day = row.getCell(4);
					assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
					assertThat(day.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(received);
					found = true;
				}
			}
			assertThat(found).isTrue();
		}

		browser.get("http://localhost:" + port + "/insights/report?month=" + received.toString().substring(0, 7));
		assertThat(browser.findElement(By.id("street-JA")).getText()).contains("江岸街道");
		Browser.screenshot(browser, "insights-report-" + width);
		String pdf = ((PrintsPage) browser).print(new PrintOptions()).getContent();
		byte[] bytes = Base64.getDecoder().decode(pdf);
		assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		Files.write(java.nio.file.Path.of("target", "screenshots", "insights-report-" + width + ".pdf"), bytes);
	}

	private void setDate(String id, LocalDate day) {
		// a date input takes its value from script in every locale alike
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, day.toString());
	}

}
