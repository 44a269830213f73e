package org.oneweek.insights;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.ApproveFunding;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseCommands.RequestFunding;
import org.oneweek.casework.CaseCommands.ResolveCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseFunding;
import org.oneweek.casework.CaseIntake;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.CreateUnit;
import org.oneweek.people.UnitId;
import org.oneweek.people.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A unit's record on a hand-built ledger: three cases referred to a new unit, one
 * resolved on time, one resolved after its deadline, one open, funding on one; a case of
 * another unit left out; the page reached from the unit table of the dashboard.
 */
@OneweekTest
class InsightsUnitRecordTest {

	@Autowired
	Insights insights;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	CaseFunding funding;

	@Autowired
	Units units;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void casesReferredResolvedInTimeAndTheirFunding() throws Exception {
		long village = fixtures.newVillage("JA");
		LocalDate monday = fixtures.freshMonday();
		Team team = fixtures.team(village, monday);
		AccountPrincipal admin = fixtures.principal("admin");
		String code = "U" + (System.nanoTime() % 100_000_000);
		UnitId unit = units.create(new CreateUnit(code, "测试单位" + code, null, null), "test");
		UnitId other = units.create(new CreateUnit(code + "X", "别的单位" + code, null, null), "test");
		Instant t = team.tuesday();
		String[] refs = new String[4];
		for (int i = 0; i < 4; i++) {
			refs[i] = intake.record(CaseFixtures.intake(village, "单位档案" + i).toCommand(), team.lead(), t.plusSeconds(i))
				.reference();
			actions.assign(refs[i], new AssignCase(AssigneeKind.UNIT, null, (i == 3) ? other : unit, null, null, null),
					admin, t.plus(Duration.ofMinutes(10)));
		}
		actions.start(refs[0], "已联系", admin, t.plus(Duration.ofMinutes(20)));
		actions.resolve(refs[0], new ResolveCase("已办结"), admin, t.plus(Duration.ofHours(2)));
		actions.start(refs[1], "已联系", admin, t.plus(Duration.ofMinutes(20)));
		actions.resolve(refs[1], new ResolveCase("已办结"), admin, t.plus(Duration.ofDays(30)));
		funding.request(refs[2], new RequestFunding(new BigDecimal("5000"), "街道", null), admin,
				t.plus(Duration.ofHours(1)));
		funding.approve(refs[2], new ApproveFunding(new BigDecimal("4000"), "区财政", "区政府", null), admin,
				t.plus(Duration.ofHours(2)));
		Instant now = t.plus(Duration.ofDays(60));

		UnitRecord record = insights.unitRecord(unit, MetricFilter.ALL, now);
		assertThat(record.unit().id()).isEqualTo(unit);
		assertThat(record.referred()).isEqualTo(3);
		assertThat(record.resolved()).isEqualTo(2);
		assertThat(record.resolvedOnTime()).isEqualTo(1);
		assertThat(record.figures().resolutionRate()).isEqualTo(1.0 / 3);
		assertThat(record.fundingRequested()).isEqualByComparingTo("5000");
		assertThat(record.fundingApproved()).isEqualByComparingTo("4000");
		assertThat(
				insights.unitRecord(unit, MetricFilter.ALL.withPeriod(monday.minusWeeks(1), monday.minusDays(1)), now)
					.referred())
			.isZero();
		assertThatThrownBy(() -> insights.unitRecord(UnitId.of(Long.MAX_VALUE / 2), MetricFilter.ALL, now))
			.isInstanceOf(InsightsException.class);

		String dashboard = mvc.perform(get("/insights").param("village", String.valueOf(village)).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dashboard).contains("/insights/units/" + unit.value() + "?village=" + village);
		String page = mvc
			.perform(get("/insights/units/" + unit.value()).param("village", String.valueOf(village)).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("测试单位" + code);
		assertThat(page).containsPattern("id=\"unit-referred\" href=\"[^\"]*\">3</a>");
		assertThat(page).containsPattern("id=\"unit-on-time\" href=\"[^\"]*\">1</a>");
		mvc.perform(get("/insights/units/abc").with(user(admin))).andExpect(status().isBadRequest());
		mvc.perform(get("/insights/units/" + Long.MAX_VALUE / 2).with(user(admin))).andExpect(status().isBadRequest());
		mvc.perform(get("/insights/units/" + unit.value()).with(user(fixtures.principal("secretary"))))
			.andExpect(status().isForbidden());
	}

}
