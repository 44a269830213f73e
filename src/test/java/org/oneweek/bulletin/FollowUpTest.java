package org.oneweek.bulletin;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.bulletin.BulletinCases.Planted;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.CloseCase;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Satisfaction;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Villagers follow up on a case from its public page: into the committee's queue and the
 * case's timeline (never reopening a case by themselves), within limits that answer in
 * words.
 */
@OneweekTest
class FollowUpTest {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	BulletinCases bulletinCases;

	@Autowired
	Cases cases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseActions actions;

	@Autowired
	Clock clock;

	static String newAddress() {
		int n = addresses.incrementAndGet();
		return "10.77." + (n / 250) + "." + (n % 250 + 1);
	}

	ResultActions send(String reference, String address, String kind, String text, String phone) throws Exception {
		return mvc.perform(post("/c/" + reference + "/follow-up").with(csrf()).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).param("kind", kind).param("text", text).param("phone", phone).param("website", ""));
	}

	long followUpsOf(String reference) {
		return jdbc.sql("select count(*) from bulletin_follow_up where reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}

	String committeeQueue() throws Exception {
		return mvc.perform(get("/bulletin/follow-ups").with(user(fixtures.principal("committee"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void anAnonymousStillNotFixedOnAClosedCaseGoesToTheCommitteeAndOnlyStaffReopen() throws Exception {
		Planted planted = bulletinCases.record("垃圾清运不及时", false);
		bulletinCases.resolve(planted.reference(), "已清运两车垃圾");
		actions.close(planted.reference(), new CloseCase(Satisfaction.SATISFIED, "群众满意"), bulletinCases.secretary(),
				clock.instant());
		Case closed = cases.byReference(planted.reference()).orElseThrow();
		// eleven digits, always (a Chinese mobile: the form refuses a twelve-digit
		// number)
		String phone = "13" + (100_000_000L + System.nanoTime() % 899_999_999L);
		String said = "周四去看还是满的" + System.nanoTime();

		send(planted.reference(), newAddress(), "NOT_FIXED", said, phone)
			.andExpect(redirectedUrl("/c/" + planted.reference() + "/follow-up/sent"));

		Case after = cases.byReference(planted.reference()).orElseThrow();
		assertThat(after.state()).isEqualTo(CaseState.CLOSED);
		assertThat(after.progress()).isEqualTo(closed.progress());
		assertThat(after.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
		assertThat(after.reopenedCount()).isZero();
		assertThat(after.resolutionDue()).isEqualTo(closed.resolutionDue());
		var events = cases.events(after.id());
		assertThat(events).anySatisfy((e) -> {
			assertThat(e.kind()).isEqualTo(CaseEvent.Kind.FOLLOW_UP);
			assertThat(e.isPublic()).isTrue();
			assertThat(e.actorId()).isNull();
			assertThat(e.data().toString()).doesNotContain(phone).doesNotContain(said);
		});
		assertThat(events).noneSatisfy((e) -> assertThat(e.kind()).isEqualTo(CaseEvent.Kind.REOPENED));

		String queue = committeeQueue();
		assertThat(queue).contains(planted.reference(), said, phone, "仍未解决").doesNotContain("事项已因此重新办理");

		// the committee may not reopen it; the team may, with a reason
		mvc.perform(post("/cases/" + planted.reference() + "/reopen").with(csrf())
			.with(user(fixtures.principal("committee")))
			.param("reason", "群众说仍未解决")).andExpect(status().isForbidden());
		assertThat(cases.byReference(planted.reference()).orElseThrow().state()).isEqualTo(CaseState.CLOSED);
		mvc.perform(post("/cases/" + planted.reference() + "/reopen").with(csrf())
			.with(user(bulletinCases.secretary()))
			.param("reason", "核实：仍未解决")).andExpect(status().is3xxRedirection());
		assertThat(cases.byReference(planted.reference()).orElseThrow().state()).isEqualTo(CaseState.REOPENED);

		String page = mvc.perform(get("/c/" + planted.reference()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("群众反映：仍未解决").doesNotContain(phone).doesNotContain(said);
	}

	@Test
	void theNextStepForANotFixedOnASolvedCaseIsToDecideWithTheTeam() {
		FollowUp f = new FollowUp(FollowUpId.of(1), org.oneweek.casework.CaseId.of(1), "QX-2026-00001",
				org.oneweek.places.VillageId.of(1), FollowUpKind.NOT_FIXED, null, null, null, CaseState.CLOSED, false,
				clock.instant(), FollowUp.State.NEW, null, null, null, null);
		assertThat(f.nextAction(CaseState.CLOSED)).isEqualTo(FollowUp.NextAction.DECIDE_REOPEN);
		assertThat(f.nextAction(CaseState.RESOLVED)).isEqualTo(FollowUp.NextAction.DECIDE_REOPEN);
		assertThat(f.nextAction(CaseState.IN_PROGRESS)).isEqualTo(FollowUp.NextAction.PUSH_RESPONSIBLE);
	}

	@Test
	void theCommitteeCallsBackAndMarksItHandled() throws Exception {
		Planted planted = bulletinCases.record("路面坑洼积水", false);
		send(planted.reference(), newAddress(), "INFO", "坑里的水有半尺深", "13812345678");
		long id = jdbc.sql("select id from bulletin_follow_up where reference = ?")
			.param(planted.reference())
			.query(Long.class)
			.single();
		assertThat(committeeQueue()).contains("下一步：给群众回电");

		mvc.perform(post("/bulletin/follow-ups/" + id + "/called-back").with(csrf())
			.with(user(fixtures.principal("committee")))
			.param("note", "已回电，说明周五修补")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/bulletin/follow-ups/" + id + "/handled").with(csrf())
			.with(user(fixtures.principal("committee")))
			.param("note", "已写进进展")).andExpect(status().is3xxRedirection());

		assertThat(jdbc.sql("select state from bulletin_follow_up where id = ?").param(id).query(String.class).single())
			.isEqualTo("HANDLED");
		assertThat(committeeQueue()).contains("已写进进展");
	}

	@Test
	void anotherVillagesCommitteeAndAUnitCannotOpenTheQueue() throws Exception {
		Planted planted = bulletinCases.record("村口路灯坏了", false);
		send(planted.reference(), newAddress(), "INFO", "晚上很黑", "");
		long id = jdbc.sql("select id from bulletin_follow_up where reference = ?")
			.param(planted.reference())
			.query(Long.class)
			.single();
		long dj = fixtures.villageId("DJ");
		mvc.perform(get("/bulletin/follow-ups").param("villageId", String.valueOf(dj))
			.with(user(fixtures.principal("committee-hw")))).andExpect(status().isForbidden());
		mvc.perform(post("/bulletin/follow-ups/" + id + "/handled").with(csrf())
			.with(user(fixtures.principal("committee-hw")))).andExpect(status().isForbidden());
		mvc.perform(get("/bulletin/follow-ups").with(user(fixtures.principal("unit"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/bulletin/follow-ups")).andExpect(status().is3xxRedirection());
	}

	@Test
	void oneAddressIsLimitedAndToldWhenToTryAgain() throws Exception {
		Planted planted = bulletinCases.record("河边护栏缺失", false);
		String address = newAddress();
		for (int i = 0; i < 5; i++) {
			send(planted.reference(), address, "INFO", "第" + i + "次", "").andExpect(status().is3xxRedirection());
		}
		String page = send(planted.reference(), address, "INFO", "第六次", "").andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("提交得太频繁了", "分钟后再试");
		assertThat(followUpsOf(planted.reference())).isEqualTo(5);
		send(planted.reference(), newAddress(), "INFO", "别人也说", "").andExpect(status().is3xxRedirection());
	}

	@Test
	void oneCaseIsLimitedWhateverTheAddresses() throws Exception {
		Planted planted = bulletinCases.record("广场噪音扰民", false);
		for (int i = 0; i < 10; i++) {
			send(planted.reference(), newAddress(), "NOT_FIXED", "", "").andExpect(status().is3xxRedirection());
		}
		send(planted.reference(), newAddress(), "NOT_FIXED", "", "").andExpect(status().isTooManyRequests());
		assertThat(followUpsOf(planted.reference())).isEqualTo(10);
	}

	@Test
	void aBotThatFillsTheHiddenFieldIsThankedAndIgnored() throws Exception {
		Planted planted = bulletinCases.record("垃圾桶不够", false);
		mvc.perform(post("/c/" + planted.reference() + "/follow-up").with(csrf()).with((request) -> {
			request.setRemoteAddr(newAddress());
			return request;
		}).param("kind", "NOT_FIXED").param("text", "buy cheap watches").param("website", "http://spam.example"))
			.andExpect(redirectedUrl("/c/" + planted.reference() + "/follow-up/sent"));
		assertThat(followUpsOf(planted.reference())).isZero();
	}

	@Test
	void tooLongTextOrABadPhoneIsExplainedAndNothingIsKept() throws Exception {
		Planted planted = bulletinCases.record("公厕无人打扫", false);
		String page = send(planted.reference(), newAddress(), "INFO", "长".repeat(1001), "not-a-phone!")
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("写得太长了", "这不是能打通的电话号码");
		assertThat(followUpsOf(planted.reference())).isZero();
		send(planted.reference(), newAddress(), "CONFIRMED_FIXED", "", "").andExpect(status().isUnprocessableContent());
	}

	@Test
	void confirmedFixedWithSatisfactionAsksTheCommitteeToCloseTheCase() throws Exception {
		Planted planted = bulletinCases.record("桥面裂缝", false);
		bulletinCases.resolve(planted.reference(), "裂缝已修补");
		mvc.perform(post("/c/" + planted.reference() + "/follow-up").with(csrf()).with((request) -> {
			request.setRemoteAddr(newAddress());
			return request;
		}).param("kind", "CONFIRMED_FIXED").param("satisfaction", "SATISFIED")).andExpect(status().is3xxRedirection());
		assertThat(cases.byReference(planted.reference()).orElseThrow().state()).isEqualTo(CaseState.RESOLVED);
		assertThat(committeeQueue()).contains("回访群众，回访结案", "群众评价：满意");
	}

	@Test
	void theFormIsInTheVillagersLanguageAndHasTheHiddenField() throws Exception {
		Planted planted = bulletinCases.record("自来水浑浊", false);
		String form = mvc.perform(get("/c/" + planted.reference() + "/follow-up").param("kind", "NOT_FIXED"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("name=\"website\"", "name=\"_csrf\"")
			.containsPattern("<input[^>]*value=\"NOT_FIXED\"[^>]*checked");
		mvc.perform(get("/c/QX-1999-99998/follow-up")).andExpect(status().isNotFound());
	}

}
