package org.oneweek.bulletin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.bulletin.BulletinCases.Planted;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The committee enlists a villager group or a villager in a case; the board shows the
 * group's part and names only those who agreed.
 */
@OneweekTest
class TasksForVillagersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	BulletinCases bulletinCases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Cases cases;

	String board(String expected) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		String board;
		do {
			board = mvc.perform(get("/board/DJ")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			if (board.contains(expected)) {
				return board;
			}
			Thread.sleep(200);
		}
		while (System.nanoTime() < deadline);
		return board;
	}

	@Test
	void aVolunteerGroupTakesPartAndTheBoardNamesOnlyThoseWhoAgreed() throws Exception {
		Planted planted = bulletinCases.record("河滩垃圾清理", false);
		String group = "村民志愿清洁队" + System.nanoTime() % 100000;
		mvc.perform(post("/bulletin/tasks/" + planted.reference() + "/enlist").with(csrf())
			.with(user(fixtures.principal("committee")))
			.param("kind", "GROUP")
			.param("name", group)
			.param("publicNames", "王大妈、老赵")
			.param("headcount", "8")
			.param("task", "周六上午清理河滩")
			.param("contactPhone", "13655556666")
			.param("responsible", "true")).andExpect(status().is3xxRedirection());

		String board = board(group);
		assertThat(board).contains(group + " 参与：周六上午清理河滩", "（王大妈、老赵）", "另有 6 人参与").doesNotContain("13655556666");
		assertThat(cases.byReference(planted.reference()).orElseThrow().assignee().kind())
			.isEqualTo(AssigneeKind.GROUP);
		String tasks = mvc.perform(get("/bulletin/tasks").with(user(fixtures.principal("committee"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(tasks).contains(group, "13655556666");
	}

	@Test
	void aVillagerWhoDidNotAgreeIsNotNamed() throws Exception {
		Planted planted = bulletinCases.record("帮助独居老人", false);
		String name = "张" + System.nanoTime() % 100000;
		mvc.perform(post("/bulletin/tasks/" + planted.reference() + "/enlist").with(csrf())
			.with(user(fixtures.principal("committee")))
			.param("kind", "VILLAGER")
			.param("name", name)
			.param("headcount", "1")
			.param("task", "每天上门看望一次")).andExpect(status().is3xxRedirection());
		String board = board("每天上门看望一次");
		assertThat(board).contains("一位村民 参与：每天上门看望一次").doesNotContain(name);
		String page = mvc.perform(get("/c/" + planted.reference()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("每天上门看望一次").doesNotContain(name);
	}

	@Test
	void onlyThoseWhoWorkOnTheCaseMayEnlist() throws Exception {
		Planted planted = bulletinCases.record("垃圾分类宣传", false);
		mvc.perform(post("/bulletin/tasks/" + planted.reference() + "/enlist").with(csrf())
			.with(user(fixtures.principal("committee-hw")))
			.param("kind", "GROUP")
			.param("name", "别村的队")
			.param("task", "不该出现")).andExpect(status().isForbidden());
		mvc.perform(post("/bulletin/tasks/" + planted.reference() + "/enlist").with(csrf())
			.with(user(fixtures.principal("committee")))
			.param("kind", "GROUP")
			.param("name", "")
			.param("task", "")).andExpect(status().isOk());
	}

}
