package org.oneweek.reconciliation;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.people.AccountPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reconciliation's pages in the demo's 东江村: the week for its secretary and committee,
 * refused to others; a wrong pair answered in words; the district's blind spots for the
 * department only; the model's state in the health details.
 */
@OneweekTest
class ReconciliationPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	@Test
	void theTeamAndTheCommitteeSeeTheirVillagesWeekAndOthersAreRefused() throws Exception {
		AccountPrincipal secretary = fixtures.principal("secretary");
		String week = mvc.perform(get("/reconciliation").with(user(secretary)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(week).with(user(secretary)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("对账")))
			.andExpect(content().string(containsString("干部盲区")));
		mvc.perform(get(week).with(user(fixtures.principal("committee")))).andExpect(status().isOk());
		mvc.perform(get(week).with(user(fixtures.principal("committee-hw")))).andExpect(status().isForbidden());
		mvc.perform(get(week.replace("?", "/report?")).with(user(secretary)).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("blind spots")));
	}

	@Test
	void aWrongPairIsAnsweredInWordsAndChangesNothing() throws Exception {
		AccountPrincipal secretary = fixtures.principal("secretary");
		String week = mvc.perform(get("/reconciliation").with(user(secretary)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String decisions = week.substring(0, week.indexOf('?')) + "/decisions";
		mvc.perform(post(decisions).with(csrf())
			.with(user(secretary))
			.param("left", "V1")
			.param("right", "V2")
			.param("verdict", "CONFIRMED"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorKey", "reconciliation.pair.sameList"));
		mvc.perform(post(decisions).with(csrf())
			.with(user(secretary))
			.param("left", "X1")
			.param("right", "V-3")
			.param("verdict", "MAYBE"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorKey", "reconciliation.verdict.unknown"));
		mvc.perform(post(decisions).with(csrf())
			.with(user(secretary))
			.param("left", "V999999999")
			.param("right", "O999999998")
			.param("verdict", "REJECTED"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorKey", "reconciliation.item.notThisWeek"));
	}

	@Test
	void theDistrictsBlindSpotsAreTheDepartments() throws Exception {
		mvc.perform(get("/reconciliation/district").with(user(fixtures.principal("admin"))).param("weeks", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("干部盲区")))
			.andExpect(content().string(containsString("东江村")));
		mvc.perform(get("/reconciliation/district").with(user(fixtures.principal("secretary"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void theModelsStateIsInTheHealthDetailsForTheDepartmentOnly() throws Exception {
		mvc.perform(get("/actuator/health").with(user(fixtures.principal("admin"))))
			.andExpect(jsonPath("$.components.reconciliationModel.details.model").value("bge-small-zh-v1.5-q"))
			.andExpect(jsonPath("$.components.reconciliationModel.details.state").exists());
		mvc.perform(get("/actuator/health"))
			.andExpect(jsonPath("$.status").exists())
			.andExpect(content().string(not(containsString("reconciliationModel"))));
	}

}
