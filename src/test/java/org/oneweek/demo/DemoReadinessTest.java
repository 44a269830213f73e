package org.oneweek.demo;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * While the demo data loads, readiness is OUT_OF_SERVICE and says why and how far it is,
 * to a probe that is not signed in; liveness stays UP; when loading ends, readiness is
 * UP.
 */
@OneweekTest
class DemoReadinessTest {

	@Autowired
	DemoReadiness readiness;

	@Autowired
	DemoData demo;

	@Autowired
	MockMvc mvc;

	@Test
	void readinessSaysHowFarTheDemoDataIsAndLivenessStaysUp() throws Exception {
		try {
			readiness.begin(DemoData.STEPS);
			readiness.step(2, "the teams of the weeks around today");

			mvc.perform(get("/actuator/health/readiness"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"))
				.andExpect(jsonPath("$.components.demoLoading.details.demoData").value("LOADING 1/4"))
				.andExpect(
						jsonPath("$.components.demoLoading.details.step").value("the teams of the weeks around today"));
			mvc.perform(get("/actuator/health/liveness"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"));
		}
		finally {
			readiness.done();
		}
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.demoLoading.details.demoData").value("LOADED 4/4"));
	}

	@Test
	void loadingAgainEndsReady() throws Exception {
		readiness.begin(DemoData.STEPS);

		demo.run(null);

		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.demoLoading.details.demoData").value("LOADED 4/4"));
	}

	@Test
	void aLoadThatFailedStaysOutOfServiceWithItsReason() throws Exception {
		try {
			readiness.begin(DemoData.STEPS);
			readiness.step(1, "the district, its members and accounts");
			readiness.failed("The demo profile refuses to start: this database holds data that is not the demo's.");

			mvc.perform(get("/actuator/health/readiness"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.components.demoLoading.details.demoData").value("FAILED 0/4"))
				.andExpect(jsonPath("$.components.demoLoading.details.reason")
					.value("The demo profile refuses to start: this database holds data that is not the demo's."));
		}
		finally {
			readiness.begin(DemoData.STEPS);
			readiness.done();
		}
	}

}
