package org.oneweek.diary;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import org.oneweek.OneweekTest;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseFixtures.Team;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.Cases;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Weeks;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CasePhotos;
import org.oneweek.casework.CaseFunding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The diary's pages through MockMvc on the real clock: teams of their own in fresh
 * villages this week and last week.
 */
@OneweekTest
class DiaryPagesTest {

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
	Diaries diaries;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Team thisWeek() {
		return fixtures.team(fixtures.newVillage("JA"), Weeks.mondayOf(today()));
	}

	String record(Team team, AccountPrincipal who, String title, CaseSource source) {
		return record(team, who, title, source, null);
	}

	String record(Team team, AccountPrincipal who, String title, CaseSource source, @Nullable Long meetingId) {
		var form = CaseFixtures.intake(team.villageId(), title);
		form.setSource(source);
		form.setMeetingId(meetingId);
		return intake.record(form.toCommand(), who, clock.instant()).reference();
	}

	@Test
	void aSecretaryWritesTodaysDiaryWithTheDaysCasesAndADraftSurvivesAReload() throws Exception {
		Team team = thisWeek();
		AccountPrincipal me = team.lead();
		String mine = record(team, me, "河边垃圾堆放", CaseSource.MORNING_MEETING);
		String teammates = record(team, team.people().get(1), "路灯不亮", CaseSource.PHONE);
		String day = today().toString();

		mvc.perform(get("/diary/" + day).with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"diary-form\"")))
			.andExpect(content().string(containsString(mine)))
			.andExpect(content().string(containsString("自动列入")))
			.andExpect(content().string(containsString("add-case-")));

		mvc.perform(post("/diary/" + day + "/draft").with(csrf())
			.with(user(me))
			.param("places", "东江河堤")
			.param("done", "听取群众意见，正在写")
			.param("households", "6"))
			.andExpect(status().isOk())
			.andExpect(header().exists("X-Diary-Version"))
			.andExpect(content().string(containsString("已自动保存")));
		// reloaded: what was typed is there
		mvc.perform(get("/diary/" + day).with(user(me)))
			.andExpect(content().string(containsString("听取群众意见，正在写")))
			.andExpect(content().string(containsString("东江河堤")));

		// a case of a teammate, added by hand, with what is typed saved first
		mvc.perform(post("/diary/" + day + "/cases").with(csrf())
			.with(user(me))
			.param("done", "听取群众意见，加了一个问题")
			.param("reference", teammates))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("messageKey", "diary.case.added"));
		DiaryDay saved = diaries.own(me, today(), clock.instant());
		assertThat(saved.entry().done()).isEqualTo("听取群众意见，加了一个问题");
		assertThat(saved.cases()).extracting((lc) -> lc.c().reference()).containsExactlyInAnyOrder(mine, teammates);

		// a bad number is explained, and nothing typed is lost
		mvc.perform(post("/diary/" + day).with(csrf())
			.with(user(me))
			.param("households", "好多")
			.param("reflections", "群众很信任我们"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写整数")))
			.andExpect(content().string(containsString("群众很信任我们")));
		mvc.perform(post("/diary/" + day + "/draft").with(csrf()).with(user(me)).param("households", "-3"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("没有保存")));

		// who serves on no team that day has no diary to write
		for (String other : new String[] { "committee", "unit", "admin" }) {
			mvc.perform(post("/diary/" + day + "/draft").with(csrf())
				.with(user(fixtures.principal(other)))
				.param("done", "不是我的")).andExpect(status().isForbidden());
		}
	}

	@Test
	void aClosedDiaryTakesOnlyDatedAmendments() throws Exception {
		LocalDate lastMonday = Weeks.mondayOf(today()).minusWeeks(1);
		Team team = fixtures.team(fixtures.newVillage("QS"), lastMonday);
		WriteDiary diary = new WriteDiary(null, null, null, null, "第一次晨会，记下五个问题", null, null);
		diaries.save(team.lead(), lastMonday, diary,
				lastMonday.atTime(LocalTime.of(20, 0)).atZone(CaseFixtures.ZONE).toInstant());
		String path = "/diary/" + lastMonday;

		mvc.perform(get(path).with(user(team.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"diary-form\""))))
			.andExpect(content().string(containsString("id=\"amend-form\"")))
			.andExpect(content().string(containsString("第一次晨会，记下五个问题")));
		mvc.perform(post(path).with(csrf()).with(user(team.lead())).param("done", "想改"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorKey", "diary.closed"));
		mvc.perform(post(path + "/draft").with(csrf()).with(user(team.lead())).param("done", "想改"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("已经关闭")));
		mvc.perform(post(path + "/amendments").with(csrf()).with(user(team.lead())).param("text", "补记：护栏已报街道"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("messageKey", "diary.amend.done"));
		mvc.perform(get(path).with(user(team.lead())))
			.andExpect(content().string(containsString("补记：护栏已报街道")))
			.andExpect(content().string(containsString("第一次晨会，记下五个问题")));

		String read = "/diary/members/" + team.lead().memberId() + "/days/" + lastMonday;
		mvc.perform(get(read).with(user(team.people().get(1))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第一次晨会，记下五个问题")))
			.andExpect(content().string(containsString("补记：护栏已报街道")));
		mvc.perform(get(read).with(user(fixtures.principal("admin")))).andExpect(status().isOk());
		for (String stranger : new String[] { "committee", "unit", "secretary" }) {
			mvc.perform(get(read).with(user(fixtures.principal(stranger)))).andExpect(status().isForbidden());
		}
		mvc.perform(get(read)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/diary/terms/" + team.termId()).with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("diary-grid")));
		mvc.perform(get("/diary/terms/" + team.termId()).with(user(fixtures.principal("committee"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/diary/" + lastMonday.minusYears(3)).with(user(team.lead())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/diary/not-a-day").with(user(team.lead()))).andExpect(status().isBadRequest());
	}

	@Test
	void theTeamRecordsAMeetingAndAnInspectionWhoseFindingsBecomeCases() throws Exception {
		Team team = thisWeek();
		AccountPrincipal me = team.lead();
		mvc.perform(get("/diary/meetings/new").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("村委会")));
		MvcResult meeting = mvc
			.perform(post("/diary/meetings/new").with(csrf())
				.with(user(me))
				.param("day", today().toString())
				.param("place", "村委会二楼")
				.param("attendees", "42")
				.param("groups", "老人 12 人，渔民 5 人")
				.param("memberIds", String.valueOf(me.memberId()), String.valueOf(team.people().get(1).memberId())))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String meetingPath = meeting.getResponse().getRedirectedUrl();
		long meetingId = Long.parseLong(meetingPath.substring(meetingPath.lastIndexOf('/') + 1));
		// the meeting's page records its problems with the meeting's id, which the case
		// carries
		mvc.perform(get(meetingPath).with(user(me)))
			.andExpect(content().string(containsString("source=MORNING_MEETING&amp;meetingId=" + meetingId)));
		String raised = record(team, team.people().get(1), "三次停水没有通知", CaseSource.MORNING_MEETING, meetingId);
		await().untilAsserted(() -> mvc.perform(get(meetingPath).with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("村委会二楼")))
			.andExpect(content().string(containsString(team.people().get(1).displayName())))
			.andExpect(content().string(not(containsString("null"))))
			.andExpect(content().string(containsString(raised))));
		mvc.perform(get(meetingPath).with(user(fixtures.principal("committee")))).andExpect(status().isForbidden());

		MvcResult inspection = mvc
			.perform(post("/diary/inspections/new").with(csrf())
				.with(user(me))
				.param("day", today().toString())
				.param("route", "河堤 → 老石桥")
				.param("officials", "街道城管科王科长"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String inspectionPath = inspection.getResponse().getRedirectedUrl();
		mvc.perform(multipart(inspectionPath + "/findings")
			.file(new MockMultipartFile("photo", "bridge.png", "image/png", png()))
			.with(csrf())
			.with(user(me))
			.param("text", "老石桥护栏两处松动")
			.param("location", "老石桥")
			.param("outcome", "NEW_CASE")
			.param("category", "BRIDGES")
			.param("urgency", "NORMAL"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("messageKey", "diary.finding.recorded"));
		mvc.perform(multipart(inspectionPath + "/findings")
			.file(new MockMultipartFile("photo", "note.png", "image/png", "not a photo".getBytes()))
			.with(csrf())
			.with(user(me))
			.param("text", "照片不对")
			.param("outcome", "NOTE")).andExpect(flash().attribute("errorKey", "diary.photo.type"));
		mvc.perform(post(inspectionPath + "/findings").with(csrf())
			.with(user(me))
			.param("text", "停水的管子在这里")
			.param("outcome", "LINK")
			.param("reference", raised)).andExpect(flash().attribute("messageKey", "diary.finding.recorded"));

		Case fromFinding = cases.ofTerm(team.termId())
			.stream()
			.filter((c) -> c.title().equals("老石桥护栏两处松动"))
			.findFirst()
			.orElseThrow();
		assertThat(fromFinding.source()).isEqualTo(CaseSource.INSPECTION);
		assertThat(cases.photos(fromFinding.id())).hasSize(1);
		assertThat(cases.events(cases.byReference(raised).orElseThrow().id()))
			.anyMatch((e) -> "停水的管子在这里".equals(e.get("text")));
		mvc.perform(get(inspectionPath).with(user(team.people().get(2))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(fromFinding.reference())))
			.andExpect(content().string(containsString(raised)))
			.andExpect(content().string(containsString("街道城管科王科长")))
			.andExpect(content().string(containsString(me.displayName())))
			.andExpect(content().string(not(containsString("null"))));
		long findingId = jdbc.sql("select id from inspection_finding where case_id = ?")
			.param(fromFinding.id().value())
			.query(Long.class)
			.single();
		mvc.perform(get(inspectionPath + "/findings/" + findingId + "/photo").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
		mvc.perform(get(inspectionPath + "/findings/" + findingId + "/photo").with(user(fixtures.principal("unit"))))
			.andExpect(status().isForbidden());

		// the day's diary has them all, for those who were there
		mvc.perform(get("/diary/" + today()).with(user(me)))
			.andExpect(content().string(containsString(raised)))
			.andExpect(content().string(containsString(fromFinding.reference())))
			.andExpect(content().string(containsString("村委会二楼")));
		// and the home page asks for the diary
		mvc.perform(get("/").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"diary-card\"")));
	}

	@Test
	void theReportIsHandedOverAndTheNextLeadAcknowledgesIt() throws Exception {
		long village = fixtures.newVillage("HB");
		LocalDate monday = Weeks.mondayOf(today());
		Team team = fixtures.team(village, monday);
		Team next = fixtures.team(village, monday.plusWeeks(1));
		String open = record(team, team.lead(), "进城道路坑洼", CaseSource.MORNING_MEETING);
		String path = "/diary/reports/" + team.termId();

		mvc.perform(get(path).with(user(team.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(open)))
			.andExpect(content().string(containsString("id=\"hand-over\"")));
		mvc.perform(post(path + "/notes").with(csrf()).with(user(team.people().get(2))).param("notes", "道路工程四月开工"))
			.andExpect(flash().attribute("messageKey", "diary.report.notes.saved"));
		mvc.perform(post(path + "/steps").with(csrf())
			.with(user(team.lead()))
			.param("caseId", String.valueOf(cases.byReference(open).orElseThrow().id()))
			.param("text", "盯紧街道的施工队")).andExpect(flash().attribute("messageKey", "diary.report.nextStep.saved"));
		mvc.perform(get(path).with(user(next.lead())))
			.andExpect(content().string(not(containsString("acknowledge-report"))));
		mvc.perform(post(path + "/handover").with(csrf()).with(user(team.lead())))
			.andExpect(flash().attribute("messageKey", "diary.report.handedOver"));

		mvc.perform(get(path).with(user(next.people().get(1))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("acknowledge-report"))));
		mvc.perform(post(path + "/acknowledge").with(csrf()).with(user(next.people().get(1))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/").with(user(next.lead()))).andExpect(content().string(containsString("diary-acknowledge")));
		mvc.perform(get(path).with(user(next.lead())))
			.andExpect(content().string(containsString("acknowledge-report")))
			.andExpect(content().string(containsString("道路工程四月开工")))
			.andExpect(content().string(containsString("盯紧街道的施工队")));
		mvc.perform(post(path + "/acknowledge").with(csrf()).with(user(next.lead())))
			.andExpect(flash().attribute("messageKey", "diary.report.acknowledgedDone"));
		mvc.perform(get(path).with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(next.lead().displayName())));
		mvc.perform(get(path).param("lang", "en").with(user(fixtures.principal("admin"))))
			.andExpect(content().string(containsString("Hand-over report")))
			.andExpect(content().string(containsString("Still open: next steps and deadlines")));
		mvc.perform(get(path).with(user(fixtures.principal("unit")))).andExpect(status().isForbidden());
		mvc.perform(get("/diary/reports/987654321").with(user(fixtures.principal("admin"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theDepartmentSeesComplianceAndOthersDoNot() throws Exception {
		mvc.perform(get("/diary/compliance").with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("compliance-members")));
		mvc.perform(get("/diary/compliance?from=2026-01-01&to=2026-12-31").with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk());
		mvc.perform(get("/diary/compliance?from=yesterday").with(user(fixtures.principal("admin"))))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/diary/compliance").with(user(fixtures.principal("secretary"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/diary").with(user(fixtures.principal("admin"))))
			.andExpect(content().string(containsString("village-records")));
		mvc.perform(get("/").with(user(fixtures.principal("committee"))))
			.andExpect(content().string(containsString("diary-village-records")));
		mvc.perform(get("/diary/villages/" + fixtures.villageId("DJ")).with(user(fixtures.principal("committee"))))
			.andExpect(status().isOk());
		mvc.perform(get("/diary/villages/" + fixtures.villageId("HW")).with(user(fixtures.principal("committee"))))
			.andExpect(status().isForbidden());
	}

	static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
