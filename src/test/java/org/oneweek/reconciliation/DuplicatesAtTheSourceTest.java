package org.oneweek.reconciliation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.bulletin.FollowUpKind;
import org.oneweek.bulletin.FollowUps;
import org.oneweek.bulletin.SubmitFollowUp;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.Role;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Weeks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Is it one of these?" at the other entry points, with the real model, on a village's
 * cases of this week: the committee entering its list by the form and by the spreadsheet,
 * a villager's Open311 request (kept for the committee's review, linked or merged there
 * in one step), and a villager's follow-up in the committee's queue.
 */
@OneweekTest
class DuplicatesAtTheSourceTest {

	private static final AtomicInteger committees = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	Accounts accounts;

	@Autowired
	FollowUps followUps;

	@Autowired
	Twins twins;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	record Village(VillageId id, String code, Team team, AccountPrincipal committee, Case garbage, Case bridge,
			Case road) {

	}

	/**
	 * A village with a team this week and three of its villagers' problems, heard today.
	 */
	Village village() {
		long villageId = fixtures.newVillage("JA");
		VillageId village = VillageId.of(villageId);
		Team team = fixtures.team(villageId, Weeks.mondayOf(LocalDate.now(clock)));
		String username = "committee-dup-" + ProcessHandle.current().pid() + "-" + committees.incrementAndGet();
		accounts.create(new CreateAccount(username, "村委会文书", Set.of(Role.COMMITTEE), null, village, null,
				"duplicates-" + System.nanoTime() + "-Xq"), "test", true);
		AccountPrincipal committee = fixtures.principal(username);
		Case garbage = record(village, "SANITATION", "村东头河边垃圾堆了好几天没人清运，天热了臭得很", team.lead());
		Case bridge = record(village, "BRIDGES", "三组那座老石桥栏杆松了，孩子上学要过桥，担心出事", team.lead());
		Case road = record(village, "ROADS", "去镇上的主路坑坑洼洼，下雨天电动车根本没法骑", team.lead());
		String code = jdbc.sql("select code from village where id = ?").param(villageId).query(String.class).single();
		return new Village(village, code, team, committee, garbage, bridge, road);
	}

	Case record(VillageId village, String category, String title, AccountPrincipal by) {
		String reference = intake
			.record(RecordCase.of(village, category, title).withSource(CaseSource.MORNING_MEETING), by, clock.instant())
			.reference();
		return cases.byReference(reference).orElseThrow();
	}

	String page(MockHttpServletRequestBuilder request, AccountPrincipal as) throws Exception {
		return mvc.perform(request.with(user(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theCommitteeEnteringItsListByTheFormSeesTheVillagersCaseInOtherWords() throws Exception {
		Village v = village();
		// the intake form's fragment, as the committee types its item (no village given:
		// the committee's own)
		String similar = page(
				get("/reconciliation/similar").param("title", "沿河垃圾收集点清运不及时").param("category", "SANITATION"),
				v.committee());
		assertThat(similar).contains(v.garbage().reference()).doesNotContain(v.bridge().reference());
		String bridge = page(get("/reconciliation/similar").param("villageId", v.id().toString())
			.param("title", "三组石桥护栏两处松动，建议加固")
			.param("category", "BRIDGES"), v.committee());
		assertThat(bridge).contains(v.bridge().reference()).doesNotContain(v.garbage().reference());
	}

	@Test
	void theSpreadsheetPreviewListsEachRowWithItsLookAlikes() throws Exception {
		Village v = village();
		String csv = "问题,类别,情况说明\n三组石桥护栏松动需要加固,桥梁,孩子上学必经\n村卫生室屋顶漏雨需维修,其他,\n";
		String location = mvc
			.perform(multipart("/imports/officials-list")
				.file(new MockMultipartFile("file", "list.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(user(v.committee())))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String preview = page(get(location), v.committee());
		Matcher notes = Pattern.compile("hx-get=\"(/reconciliation/similar\\?[^\"]+)\"").matcher(preview);
		List<String> urls = notes.results().map((m) -> m.group(1).replace("&amp;", "&")).toList();
		assertThat(urls).hasSize(2);
		String first = page(get(java.net.URI.create(urls.get(0))), v.committee());
		assertThat(first).contains("similar-row-2", v.bridge().reference()).doesNotContain(v.garbage().reference());
		String second = page(get(java.net.URI.create(urls.get(1))), v.committee());
		assertThat(second).contains("similar-row-3")
			.doesNotContain(v.bridge().reference())
			.doesNotContain(v.garbage().reference())
			.doesNotContain(v.road().reference());
		mvc.perform(post(location + "/discard").with(csrf()).with(user(v.committee())))
			.andExpect(status().is3xxRedirection());
	}

	String open311(Village v, String service, String description) throws Exception {
		String xml = mvc
			.perform(post("/open311/v2/requests.xml").contentType("application/x-www-form-urlencoded")
				.param("api_key", "oneweek-demo-open311")
				.param("jurisdiction_id", "QXD")
				.param("service_code", service)
				.param("attribute[village]", v.code())
				.param("first_name", "王")
				.param("last_name", "来电人")
				.param("description", description))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return xml.replaceAll("(?s).*<service_request_id>([^<]+)</service_request_id>.*", "$1");
	}

	@Test
	void anOpen311RequestKeepsItsLookAlikesForTheCommitteesReviewWhichLinksOrMergesInOneStep() throws Exception {
		Village v = village();
		String garbage = open311(v, "SANITATION", "河边的垃圾点满了，好多天都没人来清理，味道很大");
		// what the embedding worker does after the intake commits
		twins.suggest(cases.byReference(garbage).orElseThrow().id(), clock.instant());
		assertThat(jdbc.sql("""
				select c.reference from reconciliation_twin t join case_file c on c.id = t.similar_case_id
				where t.case_id = (select id from case_file where reference = ?) order by t.score desc limit 1""")
			.param(garbage)
			.query(String.class)
			.single()).isEqualTo(v.garbage().reference());

		// the committee's queue loads it on the awaiting request; the committee links (it
		// may not merge), the team may merge
		String queue = page(get("/bulletin/follow-ups").param("villageId", v.id().toString()), v.committee());
		assertThat(queue).contains("/reconciliation/twins?reference=" + garbage);
		String review = page(get("/reconciliation/twins").param("reference", garbage), v.committee());
		assertThat(review).contains("twin-link-" + v.garbage().reference())
			.doesNotContain("twin-link-" + v.bridge().reference())
			.doesNotContain("twin-merge-");
		assertThat(page(get("/reconciliation/twins").param("reference", garbage), v.team().lead()))
			.contains("twin-merge-" + v.garbage().reference());
		mvc.perform(post("/reconciliation/twins/link").with(csrf())
			.with(user(v.committee()))
			.param("reference", garbage)
			.param("with", v.garbage().reference())
			.param("back", "/bulletin/follow-ups?villageId=" + v.id())).andExpect(status().is3xxRedirection());
		for (String reference : List.of(garbage, v.garbage().reference())) {
			assertThat(cases.events(cases.byReference(reference).orElseThrow().id()))
				.anySatisfy((e) -> assertThat(e.kind()).isEqualTo(CaseEvent.Kind.NOTE));
		}
		assertThat(page(get("/reconciliation/twins").param("reference", garbage), v.committee()))
			.doesNotContain("twin-link-" + v.garbage().reference());

		// a second request about the road, looked for only when the review opens it,
		// merged by the team into the villagers' case
		String road = open311(v, "ROADS", "到镇上去的那条路全是坑，一下雨电动车就过不去");
		assertThat(page(get("/reconciliation/twins").param("reference", road), v.team().lead()))
			.contains("twin-merge-" + v.road().reference());
		mvc.perform(post("/reconciliation/twins/merge").with(csrf())
			.with(user(v.team().lead()))
			.param("reference", road)
			.param("into", v.road().reference())
			.param("back", "https://elsewhere.example/"))
			.andExpect(status().is3xxRedirection())
			.andExpect((r) -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/bulletin/follow-ups"));
		assertThat(cases.byReference(road).orElseThrow().state()).isEqualTo(CaseState.MERGED);
		// a pair that was never suggested is refused in words
		mvc.perform(post("/reconciliation/twins/merge").with(csrf())
			.with(user(v.team().lead()))
			.param("reference", garbage)
			.param("into", v.bridge().reference()))
			.andExpect(status().is3xxRedirection())
			.andExpect((r) -> assertThat(r.getFlashMap().get("errorKey")).isEqualTo("reconciliation.twin.unknown"));
		assertThat(cases.byReference(garbage).orElseThrow().state()).isNotEqualTo(CaseState.MERGED);
	}

	@Test
	void aFollowUpInTheCommitteesQueueShowsTheOpenCasesItsWordsLookLike() throws Exception {
		Village v = village();
		// written about the bridge, the villager's words are about the garbage
		long id = followUps.submitFromSystem(v.bridge().reference(),
				new SubmitFollowUp(FollowUpKind.INFO, "河边那堆垃圾还是没人来拉走，越堆越多", null, null, null), "test", clock.instant())
			.id()
			.value();
		String queue = page(get("/bulletin/follow-ups").param("villageId", v.id().toString()), v.committee());
		assertThat(queue).contains("/reconciliation/similar?followUp=" + id);
		String similar = page(get("/reconciliation/similar").param("followUp", String.valueOf(id)), v.committee());
		assertThat(similar).contains(v.garbage().reference()).doesNotContain(v.bridge().reference());
		// another village's committee sees nothing of it
		assertThat(page(get("/reconciliation/similar").param("followUp", String.valueOf(id)), village().committee()))
			.doesNotContain(v.garbage().reference());
	}

}
