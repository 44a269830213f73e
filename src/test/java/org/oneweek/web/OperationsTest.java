package org.oneweek.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an operator's tools read: Prometheus metrics with the application's own figures
 * for the monitoring account (HTTP Basic, as Prometheus scrapes) and the department,
 * refused to everybody else; the version at /actuator/info; readiness.
 */
@OneweekTest
class OperationsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void prometheusAnswersTheMonitoringAccountAndRefusesOthers() throws Exception {
		String metrics = mvc
			.perform(get("/actuator/prometheus").header("Authorization", basic("monitoring", Browser.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(metrics).contains("oneweek_cases_open", "oneweek_cases_overdue", "oneweek_cases_recorded_total",
				"oneweek_roster_solver_seconds_count", "jvm_memory_used_bytes", "application=\"oneweek\"");
		mvc.perform(get("/actuator/prometheus").with(user(fixtures.principal("admin")))).andExpect(status().isOk());

		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").header("Authorization", basic("monitoring", "wrong")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(user(fixtures.principal("secretary"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").header("Authorization", basic("committee", Browser.DEMO_PASSWORD)))
			.andExpect(status().isForbidden());
		// the monitoring account reads metrics, not cases
		mvc.perform(get("/api/v1/cases").header("Authorization", basic("monitoring", Browser.DEMO_PASSWORD)))
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).doesNotContain("QX-"));
	}

	@Test
	void infoHasTheVersionAndReadinessAnswers() throws Exception {
		String info = mvc
			.perform(get("/actuator/info").header("Authorization", basic("monitoring", Browser.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(info).contains("\"version\":\"0.1.0-SNAPSHOT\"", "\"commit\":");
		mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

}
