package org.oneweek.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures.Team;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reporter never reaches a log line, even with web request logging turned up; the
 * department's holidays move deadlines.
 */
@OneweekTest
@ExtendWith(OutputCaptureExtension.class)
class CasePrivacyAndCalendarTest {

	@Autowired
	MockMvc mvc;

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
	Cases cases;

	@Autowired
	Deadlines deadlines;

	@Autowired
	LoggingSystem logging;

	@Test
	void theReporterIsNeverLoggedEvenWithDebugLogging(CapturedOutput output) throws Exception {
		String phone = "1370" + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, 7);
		String name = "隐私测试" + phone.substring(7);
		logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
		logging.setLogLevel("org.oneweek", LogLevel.DEBUG);
		logging.setLogLevel("org.springframework.jdbc", LogLevel.DEBUG);
		try {
			mvc.perform(post("/cases/new").with(csrf())
				.with(user(fixtures.principal("secretary")))
				.param("villageId", String.valueOf(fixtures.villageId("DJ")))
				.param("source", "MORNING_MEETING")
				.param("type", "HELP")
				.param("category", "OTHER")
				.param("urgency", "NORMAL")
				.param("title", "隐私测试的问题")
				.param("reporterName", name)
				.param("reporterPhone", phone)
				.param("reporterHousehold", "五组" + phone)
				.param("idempotencyKey", UUID.randomUUID().toString())).andExpect(status().is3xxRedirection());
		}
		finally {
			logging.setLogLevel("org.springframework.web", null);
			logging.setLogLevel("org.oneweek", null);
			logging.setLogLevel("org.springframework.jdbc", null);
		}
		// the request was logged at length (its SQL included), but never its reporter
		assertThat(output.getAll()).contains("insert into case_reporter").doesNotContain(phone).doesNotContain(name);
	}

	@Test
	void aHolidaySetByTheDepartmentMovesWorkingDayDeadlines() {
		Team team = fixtures.team(fixtures.newVillage("HB"), fixtures.freshMonday());
		// Wednesday morning, a help request: due at the end of the third working day,
		// Monday
		Instant wednesday = team.monday().plusDays(2).atTime(9, 0).atZone(CaseFixtures.ZONE).toInstant();
		String before = intake
			.record(CaseFixtures.intake(team.villageId(), "节前的问题").toCommand(), team.lead(), wednesday)
			.reference();
		LocalDate friday = team.monday().plusDays(4);
		assertThat(LocalDate.ofInstant(cases.byReference(before).orElseThrow().resolutionDue(), CaseFixtures.ZONE))
			.isEqualTo(team.monday().plusDays(7));
		deadlines.setException(friday, false, "测试假日", "test");
		try {
			String after = intake
				.record(CaseFixtures.intake(team.villageId(), "假日前的问题").toCommand(), team.lead(), wednesday)
				.reference();
			assertThat(LocalDate.ofInstant(cases.byReference(after).orElseThrow().resolutionDue(), CaseFixtures.ZONE))
				.isEqualTo(team.monday().plusDays(8));
		}
		finally {
			deadlines.removeException(friday, "test");
		}
	}

}
