package org.oneweek.places;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.platform.imports.ImportBatch;
import org.oneweek.platform.imports.ImportBatches;
import org.oneweek.platform.imports.ImportKind;
import org.oneweek.platform.imports.ImportRejectedException;
import org.oneweek.platform.imports.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@OneweekTest
class PlaceImportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ImportBatches batches;

	@Autowired
	List<ImportKind> kinds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	ImportKind places() {
		return kinds.stream().filter((k) -> k.name().equals("places")).findFirst().orElseThrow();
	}

	@Test
	void importsADistrictItsStreetsAndVillagesInOneGo() {
		String csv = """
				级别,编码,名称,上级编码,人口,户数,联系人,联系电话,案件编号前缀
				区,IM1,导入区,,,,,,IMA
				街道,IM1-S1,一号街道,IM1,20000,,,,
				镇,IM1-T1,一号镇,IM1,,,,,
				村,IM1-V1,一村,IM1-S1,1200,400,李四,025-8540 1199,
				社区,IM1-V2,二社区,IM1-T1,"3,100",,,,
				""";
		UUID id = batches.prepare(places(), "places.csv", csv.getBytes(StandardCharsets.UTF_8), "admin");
		assertThat(batches.find(id, places()).orElseThrow().errors()).isEmpty();
		assertThat(batches.apply(id, places(), "admin")).isEqualTo(5);
		assertThat(jdbc.sql("select kind from township where code = 'IM1-T1'").query(String.class).single())
			.isEqualTo("TOWN");
		assertThat(jdbc.sql("select population from village where code = 'IM1-V2'").query(Integer.class).single())
			.isEqualTo(3100);
		assertThat(jdbc.sql("""
				select t.code from village v join township t on t.id = v.township_id where v.code = 'IM1-V1'""")
			.query(String.class)
			.single()).isEqualTo("IM1-S1");
		assertThat(jdbc.sql("select committee_phone from village where code = 'IM1-V1'").query(String.class).single())
			.isEqualTo("025-85401199");
	}

	@Test
	void reportsEveryBadRowAndImportsNothing() {
		String csv = """
				级别,编码,名称,上级编码,人口,联系电话
				街道,IM2-S1,二号街道,QXD,,
				村,DJ,重复的东江村,IM2-S1,,
				村,IM2-V1,一村,IM2-S1,很多,
				村,IM2-V1,同编码,IM2-S1,,
				村,IM2-V3,,NOPE,,8540110
				乡村,IM2-V4,四村,IM2-S1,,
				""";
		long villagesBefore = jdbc.sql("select count(*) from village").query(Long.class).single();
		UUID id = batches.prepare(places(), "bad.csv", csv.getBytes(StandardCharsets.UTF_8), "admin");
		ImportBatch batch = batches.find(id, places()).orElseThrow();
		assertThat(batch.errors()).extracting(RowError::line, RowError::column, RowError::messageKey)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(3, "code", "places.import.codeExists"),
					org.assertj.core.groups.Tuple.tuple(4, "population", "import.error.badNumber"),
					org.assertj.core.groups.Tuple.tuple(5, "code", "import.error.duplicateInFile"),
					org.assertj.core.groups.Tuple.tuple(6, "name", "import.error.required"),
					org.assertj.core.groups.Tuple.tuple(6, "parent", "places.import.unknownParent"),
					org.assertj.core.groups.Tuple.tuple(6, "phone", "validation.phone"),
					org.assertj.core.groups.Tuple.tuple(7, "level", "places.import.badLevel"));
		assertThatThrownBy(() -> batches.apply(id, places(), "admin")).isInstanceOf(ImportRejectedException.class);
		assertThat(jdbc.sql("select count(*) from village").query(Long.class).single()).isEqualTo(villagesBefore);
		assertThat(jdbc.sql("select count(*) from township where code = 'IM2-S1'").query(Long.class).single()).isZero();
	}

	@Test
	void tenThousandRowsImportAllOrNothing() {
		StringBuilder good = new StringBuilder("level,code,name,parent code,population\nstreet,TK-S,万村街道,QXD,\n");
		for (int i = 0; i < 9_999; i++) {
			good.append("village,TK-").append(i).append(",村").append(i).append(",TK-S,").append(i).append('\n');
		}
		String bad = good.toString().replace("village,TK-5000,村5000,TK-S,5000", "village,TK-5000,村5000,TK-X,5000");
		UUID rejected = batches.prepare(places(), "big-bad.csv", bad.getBytes(StandardCharsets.UTF_8), "admin");
		ImportBatch badBatch = batches.find(rejected, places()).orElseThrow();
		assertThat(badBatch.rows()).hasSize(10_000);
		assertThat(badBatch.errors()).singleElement().satisfies((e) -> assertThat(e.line()).isEqualTo(5003));
		assertThat(jdbc.sql("select count(*) from village where code like 'TK-%'").query(Long.class).single()).isZero();

		UUID id = batches.prepare(places(), "big.csv", good.toString().getBytes(StandardCharsets.UTF_8), "admin");
		assertThat(batches.apply(id, places(), "admin")).isEqualTo(10_000);
		assertThat(jdbc.sql("select count(*) from village where code like 'TK-%'").query(Long.class).single())
			.isEqualTo(9_999);
	}

	@Test
	void aBatchIsAppliedOnceHoweverOftenItIsConfirmed() throws Exception {
		String csv = "级别,编码,名称,上级编码\n村,ONCE-1,一次村,JA\n";
		var admin = users.loadUserByUsername("admin");
		String location = mvc
			.perform(multipart("/imports/places")
				.file(new MockMultipartFile("file", "once.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(user(admin)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(location).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("一次村")));
		mvc.perform(post(location + "/apply").with(csrf()).with(user(admin))).andExpect(redirectedUrl("/places"));
		mvc.perform(post(location + "/apply").with(csrf()).with(user(admin))).andExpect(redirectedUrl(location));
		assertThat(jdbc.sql("select count(*) from village where code = 'ONCE-1'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aFileWithWrongColumnsIsExplainedOnTheUploadPage() throws Exception {
		mvc.perform(multipart("/imports/places")
			.file(new MockMultipartFile("file", "wrong.csv", "text/csv",
					"村名,人数\n东江,3700\n".getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("缺少必填的列：级别、编码、名称")));
	}

	@Test
	void onlyTheOrganizationDepartmentImports() throws Exception {
		mvc.perform(multipart("/imports/places")
			.file(new MockMultipartFile("file", "x.csv", "text/csv", "级别,编码,名称\n".getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(user(users.loadUserByUsername("committee")))).andExpect(status().isForbidden());
	}

}
