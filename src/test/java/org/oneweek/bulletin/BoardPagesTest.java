package org.oneweek.bulletin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.bulletin.BulletinCases.Planted;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CasePhoto;
import org.oneweek.casework.Cases;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CasePhotos;
import org.oneweek.casework.CaseFunding;
import org.oneweek.casework.PhotoId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The village's board and a case's public page, as anyone sees them: this week's team,
 * the cases and their progress, and never a private field.
 */
@OneweekTest
class BoardPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	BulletinCases bulletinCases;

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
	CaseFixtures fixtures;

	@Autowired
	Clock clock;

	String page(String path) throws Exception {
		return mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	String boardWith(String text) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		String board = page("/board/DJ");
		while (!board.contains(text) && System.nanoTime() < deadline) {
			Thread.sleep(200);
			board = page("/board/DJ");
		}
		return board;
	}

	static void assertNothingPrivate(String response, Planted planted) {
		assertThat(response).doesNotContain(planted.reporterName())
			.doesNotContain(planted.reporterPhone())
			.doesNotContain(planted.household())
			.doesNotContain(planted.internalNote())
			.doesNotContain(planted.description())
			.doesNotContain(planted.privateTitle())
			.doesNotContain("李家门口");
	}

	@Test
	void theBoardShowsThisWeeksTeamTheCasesAndTheirProgressButNothingPrivate() throws Exception {
		Planted planted = bulletinCases.record("河边垃圾点满溢", false);
		bulletinCases.publicNote(planted.reference(), "志愿队周六清理", 60);

		String board = boardWith(planted.reference());

		assertThat(board).contains("东江村公示栏", "陈国华", "赵建军", "孙丽娟", "周文斌", "025-85401101")
			.contains(planted.reference(), planted.publicTitle(), "最新进展：志愿队周六清理", "60%", "环境卫生")
			.contains("href=\"/c/" + planted.reference() + "\"");
		assertNothingPrivate(board, planted);
		assertThat(board.getBytes(StandardCharsets.UTF_8).length).as("board size").isLessThan(100 * 1024);
	}

	@Test
	void aReporterWhoAgreedIsNamedAndNobodyElse() throws Exception {
		Planted agreed = bulletinCases.record("老桥栏杆松动", true);
		Planted private_ = bulletinCases.record("小区停车难", false);

		String board = boardWith(private_.reference());
		String page = page("/c/" + agreed.reference());

		assertThat(board).contains("反映人：" + agreed.reporterName());
		assertThat(page).contains(agreed.reporterName());
		assertThat(board).doesNotContain(agreed.reporterPhone()).doesNotContain(agreed.household());
		assertNothingPrivate(board, private_);
		assertNothingPrivate(page("/c/" + private_.reference()), private_);
	}

	@Test
	void everyRoleSeesTheSamePublicBoardWithNothingPrivate() throws Exception {
		Planted planted = bulletinCases.record("自来水三次停水", false);
		String anonymous = boardWith(planted.reference());
		for (String username : List.of("admin", "secretary", "troubleshooter", "committee", "unit")) {
			AccountPrincipal principal = fixtures.principal(username);
			String seen = mvc.perform(get("/board/DJ").with(user(principal)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(seen).as(username).contains(planted.reference());
			assertNothingPrivate(seen, planted);
			assertThat(seen).as(username).doesNotContain("/logout").doesNotContain("_csrf");
		}
		assertThat(anonymous).doesNotContain("/logout");
	}

	@Test
	void theBoardIsCacheableAndAnsweredNotModifiedUntilItChanges() throws Exception {
		Planted planted = bulletinCases.record("路灯不亮", false);
		boardWith(planted.reference());
		MvcResult first = mvc.perform(get("/board/DJ"))
			.andExpect(status().isOk())
			.andExpect(header().exists("ETag"))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=5")))
			.andReturn();
		String etag = first.getResponse().getHeader("ETag");
		mvc.perform(get("/board/DJ").header("If-None-Match", etag)).andExpect(status().isNotModified());
		assertThat(first.getRequest().getSession(false)).as("no session for a board reader").isNull();

		bulletinCases.publicNote(planted.reference(), "已联系电工", 30);
		boardWith("已联系电工");
		mvc.perform(get("/board/DJ").header("If-None-Match", etag)).andExpect(status().isOk());
	}

	@Test
	void aBoardAnsweredFromTheCacheCarriesTheSameSecurityHeaders() throws Exception {
		page("/board/DJ");
		for (int i = 0; i < 3; i++) {
			MvcResult result = mvc.perform(get("/board/DJ"))
				.andExpect(status().isOk())
				.andExpect(header().exists("Content-Security-Policy"))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Content-Type", "text/html;charset=UTF-8"))
				.andExpect(header().doesNotExist("Set-Cookie"))
				.andReturn();
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("东江村公示栏");
		}
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/board/DJ"))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void theBoardSpeaksEnglishWhenAsked() throws Exception {
		String board = page("/board/DJ?lang=en");
		assertThat(board).contains("bulletin board", "Taken on this week", "Duty phone");
	}

	@Test
	void anUnknownVillageIsNotFound() throws Exception {
		mvc.perform(get("/board/NOPE")).andExpect(status().isNotFound());
		mvc.perform(get("/board/%3Cscript%3E")).andExpect(status().is4xxClientError());
		mvc.perform(get("/board/no_such-village")).andExpect(status().isNotFound());
	}

	@Test
	void aCaseIsFoundByItsNumberAsPeopleTypeIt() throws Exception {
		Planted planted = bulletinCases.record("邻居房屋挡住排水沟", false);
		String number = planted.reference().substring(planted.reference().lastIndexOf('-') + 1);
		String typed = planted.reference().substring(0, 8).toLowerCase() + Integer.parseInt(number);
		mvc.perform(get("/c").param("ref", typed)).andExpect(redirectedUrl("/c/" + planted.reference()));
		mvc.perform(get("/c/" + planted.reference().toLowerCase()))
			.andExpect(redirectedUrl("/c/" + planted.reference()));

		String page = page("/c/" + planted.reference());
		assertThat(page).contains(planted.publicTitle(), "href=\"/board/DJ\"", "受理（晨会走访）", "办理经过");
		assertNothingPrivate(page, planted);
	}

	@Test
	void anUnknownNumberIsAPlainNotFoundPageWithTheSearchBox() throws Exception {
		String page = mvc.perform(get("/c/QX-1999-99999"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("找不到这个编号", "name=\"ref\"");
		mvc.perform(get("/c").param("ref", "not a number <b>")).andExpect(status().isNotFound());
	}

	@Test
	void aPublicPhotoCarriesNoMetadata() throws Exception {
		Planted planted = bulletinCases.record("河堤垃圾照片", false);
		String marker = "CAMERA-" + System.nanoTime();
		PhotoId photoId = photos.add(planted.reference(), CasePhoto.Phase.BEFORE, BulletinCases.jpegWithExif(marker),
				bulletinCases.secretary(), clock.instant());
		byte[] original = cases.photoContent(cases.byReference(planted.reference()).orElseThrow().id(), photoId, true)
			.orElseThrow();
		assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains(marker);

		byte[] shown = mvc.perform(get("/c/" + planted.reference() + "/photos/" + photoId))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(shown, StandardCharsets.ISO_8859_1)).doesNotContain(marker).doesNotContain("Exif");
		assertThat(page("/c/" + planted.reference())).contains("/c/" + planted.reference() + "/photos/" + photoId);
		mvc.perform(get("/c/" + planted.reference() + "/photos/" + (photoId.value() + 100000)))
			.andExpect(status().isNotFound());
	}

}
