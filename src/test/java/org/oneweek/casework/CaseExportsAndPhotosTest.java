package org.oneweek.casework;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.casework.internal.PhotoSanitizer;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exports as a clerk opens them (masked reporters unless the exporter may see them, no
 * formula runs), photos with their location removed from the public copy, the committee's
 * problem list imported.
 */
@OneweekTest
class CaseExportsAndPhotosTest {

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
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	String recordInDongjiang(String title, String reporter, String phone) {
		IntakeForm form = CaseFixtures.intake(fixtures.villageId("DJ"), title);
		form.setReporterName(reporter);
		form.setReporterPhone(phone);
		return intake.record(form.toCommand(), fixtures.principal("secretary"), clock.instant()).reference();
	}

	@Test
	void theLedgerExportMasksReportersForThoseWhoMayNotSeeThem() throws Exception {
		String title = "导出测试 " + UUID.randomUUID();
		recordInDongjiang(title, "陈大明", "13812345678");
		String query = "/cases/export.csv?village=" + fixtures.villageId("DJ") + "&q=导出测试";
		String forTroubleshooter = csv(query, "troubleshooter");
		assertThat(forTroubleshooter).contains(title)
			.contains("陈**")
			.contains("138****5678")
			.doesNotContain("陈大明")
			.doesNotContain("13812345678");
		String forSecretary = csv(query, "secretary");
		assertThat(forSecretary).contains(title, "陈大明", "13812345678");
		String forCommittee = csv(query, "committee");
		assertThat(forCommittee).contains("陈大明");
		// the unit sees no case of the village at all
		assertThat(csv(query, "unit")).doesNotContain(title);
		// the same in Excel
		byte[] xlsx = mvc.perform(get(query.replace(".csv", ".xlsx")).with(user(fixtures.principal("troubleshooter"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			boolean found = false;
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				if (title.equals(sheet.getRow(r).getCell(5).getStringCellValue())) {
					found = true;
					assertThat(sheet.getRow(r).getCell(3).getStringCellValue()).isEqualTo("陈**");
					assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isEqualTo("138****5678");
					// the day received and the deadline are dates, not text
					for (int column : new int[] { 2, 10 }) {
						org.apache.poi.ss.usermodel.Cell day = sheet.getRow(r).getCell(column);
						assertThat(day.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
						assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(day)).isTrue();
						assertThat(day.getLocalDateTimeCellValue().toLocalDate())
							.isAfter(java.time.LocalDate.of(2020, 1, 1));
					}
				}
			}
			assertThat(found).isTrue();
		}
	}

	@Test
	void aTitleThatLooksLikeAFormulaIsExportedAsText() throws Exception {
		// a number abroad is kept as +852…, which a spreadsheet would read as a formula;
		// a
		// Chinese one is kept without +86 (PhoneNumbers)
		recordInDongjiang("=HYPERLINK(\"http://x\",\"点我\")", "张三", "+852 6123 4567");
		String csv = csv("/cases/export.csv?village=" + fixtures.villageId("DJ") + "&q=HYPERLINK", "secretary");
		assertThat(csv).contains("'=HYPERLINK").contains("'+85261234567").doesNotContain(",=HYPERLINK");
		assertThat(csv.getBytes(StandardCharsets.UTF_8)[0]).isEqualTo((byte) 0xEF);
	}

	@Test
	void thePublicCopyOfAPhotoHasNoLocationAndTheTypeIsCheckedByContent() throws Exception {
		String reference = recordInDongjiang("照片测试", "李四", "13900000001");
		byte[] withGps = jpegWithExif();
		mvc.perform(multipart("/cases/" + reference + "/photos")
			.file(new MockMultipartFile("photo", "bridge.jpg", "image/jpeg", withGps))
			.param("phase", "BEFORE")
			.with(csrf())
			.with(user(fixtures.principal("secretary")))).andExpect(flash().attribute("messageKey", "case.done.PHOTO"));
		Case c = cases.byReference(reference).orElseThrow();
		CasePhoto photo = cases.photos(c.id()).get(0);
		byte[] publicCopy = mvc
			.perform(get("/cases/" + reference + "/photos/" + photo.id())
				.with(user(fixtures.principal("troubleshooter"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(publicCopy, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS");
		assertThat(publicCopy.length).isLessThan(withGps.length);
		// the original, with its location, only for the team
		mvc.perform(get("/cases/" + reference + "/photos/" + photo.id() + "?original=true")
			.with(user(fixtures.principal("troubleshooter")))).andExpect(status().isForbidden());
		byte[] original = mvc
			.perform(get("/cases/" + reference + "/photos/" + photo.id() + "?original=true")
				.with(user(fixtures.principal("secretary"))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(original).isEqualTo(withGps);
		// a text file named .jpg is refused
		mvc.perform(multipart("/cases/" + reference + "/photos")
			.file(new MockMultipartFile("photo", "fake.jpg", "image/jpeg", "<script>".getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(user(fixtures.principal("secretary")))).andExpect(flash().attribute("errorKey", "case.photo.type"));
		assertThatThrownBy(() -> PhotoSanitizer.clean(new byte[PhotoSanitizer.MAX_BYTES + 1]))
			.hasMessage("case.photo.tooLarge");
	}

	@Test
	void theCommitteeImportsItsProblemListForTheWeek() throws Exception {
		AccountPrincipal committee = fixtures.principal("committee");
		String title = "灌溉渠清淤 " + UUID.randomUUID().toString().substring(0, 8);
		String csv = "问题,类别,紧急程度,地点\n" + title + ",农业,一般,三组\n摄像头损坏 " + title + ",治安,紧急,村口\n";
		String location = mvc
			.perform(multipart("/imports/officials-list")
				.file(new MockMultipartFile("file", "list.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(user(committee)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(location + "/apply")
			.with(csrf())
			.with(user(committee))).andExpect(status().is3xxRedirection());
		Case imported = jdbc.sql("select * from case_file where title = ?").param(title).query(Cases.CASE).single();
		assertThat(imported.source()).isEqualTo(CaseSource.OFFICIALS_LIST);
		assertThat(imported.category()).isEqualTo("AGRICULTURE");
		assertThat(imported.villageId()).isEqualTo(VillageId.of(fixtures.villageId("DJ")));
		Case camera = jdbc.sql("select * from case_file where title = ?")
			.param("摄像头损坏 " + title)
			.query(Cases.CASE)
			.single();
		assertThat(camera.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(camera.assignee().kind()).isEqualTo(AssigneeKind.TROUBLESHOOTER);
		// test data, not the troubleshooter's work: off their list again
		actions.decline(camera.reference(), "测试数据", fixtures.principal("admin"), clock.instant());
		assertThat(LocalDate.ofInstant(imported.receivedAt(), clock.getZone())).isEqualTo(LocalDate.now(clock));
	}

	String csv(String path, String username) throws Exception {
		return mvc.perform(get(path).with(user(fixtures.principal(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A tiny JPEG with an EXIF segment holding a GPS tag. */
	static byte[] jpegWithExif() throws Exception {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpg", plain);
		byte[] jpeg = plain.toByteArray();
		byte[] exifBody = ("Exif\0\0MM\0*GPSLatitude 32.06N GPSLongitude 118.79E")
			.getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = exifBody.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(exifBody);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

}
