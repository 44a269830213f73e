package org.oneweek.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseCommands.ResolveCase;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseIntake;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A member's record on a hand-built ledger: two terms in two weeks (one led), three cases
 * heard of which one resolved, and the page reached from the member league table.
 */
@OneweekTest
class InsightsMemberRecordTest {

	@Autowired
	Insights insights;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseActions actions;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void termsServedCasesHeardAndResolvedAndTheDiaries() throws Exception {
		long village = fixtures.newVillage("JA");
		LocalDate monday = fixtures.freshMonday();
		Team first = fixtures.team(village, monday);
		AccountPrincipal lead = first.lead();
		MemberId member = lead.memberId();
		String a = intake.record(CaseFixtures.intake(village, "档案测试A").toCommand(), lead, first.tuesday()).reference();
		intake.record(CaseFixtures.intake(village, "档案测试B").toCommand(), lead, first.tuesday().plusSeconds(60));
		intake.record(CaseFixtures.intake(village, "档案测试C").toCommand(), lead, first.tuesday().plusSeconds(120));
		AccountPrincipal admin = fixtures.principal("admin");
		Instant later = first.tuesday().plus(Duration.ofHours(2));
		actions.assign(a, new AssignCase(AssigneeKind.COMMITTEE, null, null, null, null, null), admin, later);
		actions.start(a, "已联系", admin, later);
		actions.resolve(a, new ResolveCase("已清理"), admin, later);
		Instant now = monday.plusWeeks(1).atStartOfDay(CaseFixtures.ZONE).toInstant();

		MetricFilter week = MetricFilter.ALL.withPeriod(monday, monday.plusDays(6));
		MemberRecord record = insights.memberRecord(member, week, now);
		assertThat(record.member().id()).isEqualTo(member);
		assertThat(record.terms()).extracting((t) -> t.id()).containsExactly(first.termId());
		assertThat(record.led()).isEqualTo(1);
		assertThat(record.heard()).isEqualTo(3);
		assertThat(record.resolved()).isEqualTo(1);
		// the week's diaries: required of the member's term, none written
		assertThat(record.diaries().expected()).isPositive();
		assertThat(record.diaries().written()).isZero();
		// a period before the term: nothing
		MemberRecord before = insights.memberRecord(member,
				MetricFilter.ALL.withPeriod(monday.minusWeeks(1), monday.minusDays(1)), now);
		assertThat(before.terms()).isEmpty();
		assertThat(before.heard()).isZero();
		assertThatThrownBy(() -> insights.memberRecord(MemberId.of(Long.MAX_VALUE / 2), week, now))
			.isInstanceOf(InsightsException.class);

		// the page, reached from the member league table of the village's dashboard
		String dashboard = mvc
			.perform(get("/insights").param("village", String.valueOf(village))
				.param("from", monday.toString())
				.param("to", monday.plusDays(6).toString())
				.with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dashboard).contains("/insights/members/" + member.value() + "?village=" + village);
		String page = mvc
			.perform(get("/insights/members/" + member.value()).param("from", monday.toString())
				.param("to", monday.plusDays(6).toString())
				.with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// (the pages' clock is today's: the term years ahead is not served yet)
		assertThat(page).contains("的档案", "id=\"member-terms\">0<", "id=\"member-resolved\"");
		assertThat(page).containsPattern("id=\"member-heard\" href=\"[^\"]*\">3</a>");
		mvc.perform(get("/insights/members/abc").with(user(admin))).andExpect(status().isBadRequest());
		mvc.perform(get("/insights/members/" + Long.MAX_VALUE / 2).with(user(admin)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/insights/members/" + member.value()).with(user(fixtures.principal("secretary"))))
			.andExpect(status().isForbidden());
	}

}
