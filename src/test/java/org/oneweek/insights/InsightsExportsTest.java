package org.oneweek.insights;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.people.AccountPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every table exports as .xlsx with dates as dates and figures as numbers, and as CSV;
 * the monthly report has a page per street.
 */
@OneweekTest
class InsightsExportsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Clock clock;

	byte[] download(String path) throws Exception {
		return mvc.perform(get(path).with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void theCasesBehindANumberExportWithRealDates() throws Exception {
		byte[] xlsx = download("/insights/export.xlsx?table=cases&measure=CASES&village=" + fixtures.villageId("DJ"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			assertThat(sheet.getLastRowNum()).isPositive();
			Cell received = sheet.getRow(1).getCell(4);
			assertThat(received.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
			assertThat(received.getLocalDateTimeCellValue().getYear()).isGreaterThan(2020);
		}
	}

	@Test
	void theTrendAndTheLeagueTableExportWithDatesAndNumbers() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(download("/insights/export.xlsx?table=month")))) {
			Sheet sheet = workbook.getSheetAt(0);
			Cell month = sheet.getRow(1).getCell(0);
			assertThat(DateUtil.isCellDateFormatted(month)).isTrue();
			assertThat(month.getLocalDateTimeCellValue().getDayOfMonth()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(download("/insights/export.xlsx?table=village")))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("村（社区）");
			assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
		}
		for (String table : new String[] { "summary", "ageing", "township", "category", "type", "unit", "member",
				"week", "quarter", "year", "cases" }) {
			String csv = new String(download("/insights/export.csv?table=" + table), StandardCharsets.UTF_8);
			assertThat(csv).as(table).startsWith("\uFEFF");
			assertThat(csv.lines().count()).as(table).isPositive();
		}
		mvc.perform(get("/insights/export.csv?table=nope").with(user(fixtures.principal("admin"))))
			.andExpect(status().isBadRequest());
	}

	@Autowired
	Insights insights;

	@Test
	void theSummaryExportsTheHandoverDelayAndAStreetsBlindSpots() throws Exception {
		long township = fixtures.townshipId("JA");
		java.time.Instant now = clock.instant();
		MetricFilter street = MetricFilter.ALL.withTownship(org.oneweek.places.TownshipId.of(township));
		BlindSpotRate blind = insights.blindSpots(street, now);
		HandoverDelay handover = insights.handoverDelay(street, now);
		String csv = new String(download("/insights/export.csv?table=summary&township=" + township),
				StandardCharsets.UTF_8);
		assertThat(csv).contains("交接确认用时（小时） 50%", "盲区率");
		assertThat(csv.lines().filter((l) -> l.startsWith("群众反映的问题,")).findFirst())
			.hasValue("群众反映的问题," + blind.problems());
		assertThat(csv.lines().filter((l) -> l.startsWith("交接,")).findFirst()).hasValue("交接," + handover.handovers());
		// the district's summary leaves the blind spots to their page (every village's
		// weeks)
		assertThat(new String(download("/insights/export.csv?table=summary"), StandardCharsets.UTF_8))
			.contains("交接确认用时（小时） 50%")
			.doesNotContain("盲区率");
	}

	@Test
	void theMonthlyReportHasAPagePerStreetWithItsWorstCases() throws Exception {
		AccountPrincipal admin = fixtures.principal("admin");
		YearMonth month = YearMonth.from(LocalDate.now(clock));
		mvc.perform(get("/insights/report?month=" + month + "&township=" + fixtures.townshipId("JA")).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(month + " 月度报告")))
			.andExpect(content().string(containsString("id=\"street-JA\"")))
			.andExpect(content().string(containsString("最需要关注的事项")))
			.andExpect(content().string(containsString("class=\"blind-spots\"")))
			.andExpect(content().string(containsString("class=\"handover\"")));
		mvc.perform(get("/insights/report?month=" + month).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"report-blind-spots\"")))
			.andExpect(content().string(containsString("id=\"report-handover\"")));
		mvc.perform(get("/insights/report").with(user(admin))).andExpect(status().isOk());
		mvc.perform(get("/insights/report?month=March").with(user(admin))).andExpect(status().isBadRequest());
	}

}
