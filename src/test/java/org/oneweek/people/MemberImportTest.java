package org.oneweek.people;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.platform.imports.ImportBatch;
import org.oneweek.platform.imports.ImportBatches;
import org.oneweek.platform.imports.ImportKind;
import org.oneweek.platform.imports.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@OneweekTest
class MemberImportTest {

	@Autowired
	ImportBatches batches;

	@Autowired
	List<ImportKind> kinds;

	@Autowired
	JdbcClient jdbc;

	ImportKind members() {
		return kinds.stream().filter((k) -> k.name().equals("members")).findFirst().orElseThrow();
	}

	@Test
	void importsMembersFromAnExcelSheet() throws Exception {
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("党员");
			String[][] cells = { { "序号", "姓名", "性别", "出生年份", "是否退休", "手机号", "所在街道编码", "所在村编码", "专长" },
					{ "1", "钱多多", "女", "1962", "是", "13700000001", "JA", "DJ", "会计" },
					{ "2", "孔明", "男", "1980年", "否", "13700000002", "", "SQ", "" } };
			for (int r = 0; r < cells.length; r++) {
				XSSFRow row = sheet.createRow(r);
				for (int c = 0; c < cells[r].length; c++) {
					row.createCell(c).setCellValue(cells[r][c]);
				}
			}
			workbook.write(out);
			file = out.toByteArray();
		}
		UUID id = batches.prepare(members(), "党员名单.xlsx", file, "admin");
		assertThat(batches.find(id, members()).orElseThrow().errors()).isEmpty();
		assertThat(batches.apply(id, members(), "admin")).isEqualTo(2);
		Member qian = jdbc.sql("select * from member where phone = '13700000001'").query(Members.MEMBER).single();
		assertThat(qian.name()).isEqualTo("钱多多");
		assertThat(qian.gender()).isEqualTo(Member.Gender.F);
		assertThat(qian.retired()).isTrue();
		assertThat(qian.homeVillageId()).isNotNull();
		Member kong = jdbc.sql("select * from member where phone = '13700000002'").query(Members.MEMBER).single();
		assertThat(kong.birthYear()).isEqualTo(1980);
		assertThat(kong.homeTownshipId()).as("the street is taken from the village").isNotNull();
	}

	@Test
	void reportsRowErrorsInAGbkFile() {
		String csv = """
				姓名,性别,出生年份,手机号,是否退休,所在街道编码,所在村编码
				甲,男,1960,+86 139 2500 1013,是,,
				乙,未知,60,13700000010,也许,ZZ,
				丙,女,1970,13700000011,,QS,DJ
				丁,女,1971,137 0000 0011,,,
				戊,女,1972,8888666,,,
				""";
		UUID id = batches.prepare(members(), "members.csv", csv.getBytes(Charset.forName("GBK")), "admin");
		ImportBatch batch = batches.find(id, members()).orElseThrow();
		assertThat(batch.errors()).extracting(RowError::line, RowError::column)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2, "phone"),
					org.assertj.core.groups.Tuple.tuple(3, "gender"),
					org.assertj.core.groups.Tuple.tuple(3, "birthYear"),
					org.assertj.core.groups.Tuple.tuple(3, "retired"),
					org.assertj.core.groups.Tuple.tuple(3, "township"),
					org.assertj.core.groups.Tuple.tuple(4, "village"), org.assertj.core.groups.Tuple.tuple(5, "phone"),
					org.assertj.core.groups.Tuple.tuple(6, "phone"));
		assertThat(batch.canApply()).isFalse();
	}

}
