package org.oneweek.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseCommands.ResolveCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Satisfaction;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The department's pages: the dashboard with its definitions and links to the cases, a
 * drill-down listing exactly the cases counted, and the callback queue with its fast form
 * and retries.
 */
@OneweekTest
class InsightsPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	Cases cases;

	@Autowired
	Callbacks callbacks;

	@Autowired
	Insights insights;

	@Autowired
	Clock clock;

	@Test
	void theDashboardShowsTheRatesWithTheirDefinitionsAndLinksEveryNumber() throws Exception {
		AccountPrincipal admin = fixtures.principal("admin");
		String page = mvc.perform(get("/insights").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("联系及时率")))
			.andExpect(content().string(containsString("（满意 + 0.9 × 基本满意）÷ 已回访事项数。")))
			.andExpect(content().string(containsString("各村（社区）排名")))
			.andExpect(content().string(containsString("交接确认用时（小时）")))
			.andExpect(content().string(containsString("id=\"handover-township\"")))
			.andExpect(content().string(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/insights/cases?measure=OVERDUE", "/insights/cases?village=");
		mvc.perform(get("/insights?lang=en").with(user(admin)))
			.andExpect(content().string(containsString("Satisfaction rate")));
		mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js")).andExpect(status().isOk());
	}

	@Test
	void othersCannotOpenThePages() throws Exception {
		mvc.perform(get("/insights").with(user(fixtures.principal("secretary")))).andExpect(status().isForbidden());
		mvc.perform(get("/insights/callbacks").with(user(fixtures.principal("committee"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aDrillDownListsTheCasesItsNumberCounts() throws Exception {
		long village = fixtures.villageId("DJ");
		Instant now = clock.instant();
		MetricFilter filter = MetricFilter.ALL.withVillage(VillageId.of(village));
		List<Case> overdue = insights.cases(filter, Measure.OVERDUE, now);
		String page = mvc
			.perform(get("/insights/cases?measure=OVERDUE&village=" + village).with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 " + overdue.size() + " 件。")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (Case c : overdue) {
			assertThat(page).contains(c.reference());
		}
		mvc.perform(get("/insights/cases?measure=NOPE").with(user(fixtures.principal("admin"))))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/insights/cases?measure=CASES&from=2026-03-01&to=2026-01-01")
			.with(user(fixtures.principal("admin")))).andExpect(status().isBadRequest());
	}

	@Test
	void aCallbackNotReachedIsRetriedAndOneReachedClosesTheCase() throws Exception {
		AccountPrincipal admin = fixtures.principal("admin");
		long village = fixtures.newVillage("HB");
		Instant now = clock.instant();
		String ref = intake
			.record(CaseFixtures.intake(village, "回访测试").toCommand(), admin, now.minus(Duration.ofDays(3)))
			.reference();
		actions.assign(ref, new AssignCase(AssigneeKind.COMMITTEE, null, null, null, null, null), admin,
				now.minus(Duration.ofDays(3)));
		actions.start(ref, "已联系", admin, now.minus(Duration.ofDays(2)));
		actions.resolve(ref, new ResolveCase("已清理"), admin, now.minus(Duration.ofDays(2)));

		mvc.perform(get("/insights/callbacks").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ref)));
		mvc.perform(post("/insights/callbacks/" + ref).param("reached", "false").with(csrf()).with(user(admin)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("messageKey", "insights.callback.retry"));
		Callbacks.Waiting waiting = callbacks.queue(MetricFilter.ALL.withVillage(VillageId.of(village)), now).get(0);
		assertThat(waiting.attempts()).hasSize(1);
		assertThat(waiting.dueNow()).isFalse();
		assertThat(waiting.nextTryAt()).isAfter(now);

		// reached without an answer: refused in words, nothing changes
		mvc.perform(post("/insights/callbacks/" + ref).param("reached", "true").with(csrf()).with(user(admin)))
			.andExpect(flash().attribute("errorKey", "insights.callback.answerRequired"));
		mvc.perform(post("/insights/callbacks/" + ref).param("reached", "true")
			.param("satisfaction", "BASICALLY_SATISFIED")
			.param("comment", "修得还行")
			.with(csrf())
			.with(user(admin))).andExpect(flash().attribute("messageKey", "insights.callback.closed"));
		Case closed = cases.byReference(ref).orElseThrow();
		assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
		assertThat(closed.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
		assertThat(callbacks.queue(MetricFilter.ALL.withVillage(VillageId.of(village)), now)).isEmpty();
		Callbacks.Tally tally = callbacks.tally(MetricFilter.ALL.withVillage(VillageId.of(village)), now);
		assertThat(tally.attempts()).isEqualTo(2);
		assertThat(tally.reached()).isEqualTo(1);
		// a second callback on a closed case is refused
		mvc.perform(post("/insights/callbacks/" + ref).param("reached", "false").with(csrf()).with(user(admin)))
			.andExpect(flash().attribute("errorKey", "insights.callback.notAwaiting"));
		mvc.perform(post("/insights/callbacks/QX-1999-99999").param("reached", "false").with(csrf()).with(user(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void afterTheLastTryTheVillagerIsListedAsUnreachable() {
		AccountPrincipal admin = fixtures.principal("admin");
		long village = fixtures.newVillage("HB");
		Instant now = clock.instant();
		String ref = intake
			.record(CaseFixtures.intake(village, "联系不上").toCommand(), admin, now.minus(Duration.ofDays(10)))
			.reference();
		actions.assign(ref, new AssignCase(AssigneeKind.COMMITTEE, null, null, null, null, null), admin,
				now.minus(Duration.ofDays(10)));
		actions.start(ref, "已联系", admin, now.minus(Duration.ofDays(9)));
		actions.resolve(ref, new ResolveCase("已修"), admin, now.minus(Duration.ofDays(9)));
		for (int day = 8; day >= 6; day--) {
			callbacks.record(ref, new CallbackAnswer(false, null, null), admin, now.minus(Duration.ofDays(day)));
		}
		Callbacks.Waiting waiting = callbacks.queue(MetricFilter.ALL.withVillage(VillageId.of(village)), now).get(0);
		assertThat(waiting.unreachable()).isTrue();
		assertThat(waiting.dueNow()).isFalse();
		assertThat(waiting.attempts()).hasSize(3);
		assertThat(cases.byReference(ref).orElseThrow().state()).isEqualTo(CaseState.RESOLVED);
	}

}
