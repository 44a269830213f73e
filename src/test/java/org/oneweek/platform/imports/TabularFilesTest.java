package org.oneweek.platform.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TabularFilesTest {

	static final List<Column> COLUMNS = List.of(Column.required("name", "姓名", "name"),
			Column.required("phone", "手机号", "phone"), Column.optional("notes", "备注", "notes"));

	@Test
	void readsUtf8CsvWithByteOrderMark() {
		byte[] file = ("\uFEFF姓名,手机号\n陈国华,13900000001\n").getBytes(StandardCharsets.UTF_8);
		List<Row> rows = TabularFiles.read("members.csv", file, COLUMNS);
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.line()).isEqualTo(2);
			assertThat(row.get("name")).isEqualTo("陈国华");
			assertThat(row.get("phone")).isEqualTo("13900000001");
			assertThat(row.get("notes")).isNull();
		});
	}

	@Test
	void readsGbkCsvSavedByExcelOnChineseWindows() {
		byte[] file = "姓名,手机号,备注\r\n孙丽娟,13900000002,社会保障\r\n".getBytes(Charset.forName("GBK"));
		List<Row> rows = TabularFiles.read("members.csv", file, COLUMNS);
		assertThat(rows.get(0).get("name")).isEqualTo("孙丽娟");
		assertThat(rows.get(0).get("notes")).isEqualTo("社会保障");
	}

	@Test
	void refusesAFileInNeitherUtf8NorGb18030() {
		byte[] file = { 'n', 'a', 'm', 'e', ',', 'p', 'h', 'o', 'n', 'e', '\n', (byte) 0x81, (byte) 0x20, (byte) 0xFF,
				',', '1', '\n' };
		assertThatThrownBy(() -> TabularFiles.read("members.csv", file, COLUMNS)).isInstanceOfSatisfying(
				ImportFileException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("import.error.encoding"));
	}

	@Test
	void namesTheMissingColumnsAndTheOnesFound() {
		byte[] file = "名字,电话号码\n陈,139\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> TabularFiles.read("members.csv", file, COLUMNS))
			.isInstanceOfSatisfying(ImportFileException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("import.error.missingColumns");
				assertThat(ex.arguments()).containsExactly("姓名、手机号", "名字、电话号码");
			});
	}

	@Test
	void refusesTheSameColumnTwice() {
		byte[] file = "姓名,手机号,name\n陈,139,陈\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> TabularFiles.read("members.csv", file, COLUMNS)).isInstanceOfSatisfying(
				ImportFileException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("import.error.duplicateColumn"));
	}

	@Test
	void refusesOldExcelAndBrokenFiles() {
		assertThatThrownBy(() -> TabularFiles.read("members.xls", new byte[] { 1, 2, 3 }, COLUMNS))
			.isInstanceOfSatisfying(ImportFileException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("import.error.type"));
		assertThatThrownBy(() -> TabularFiles.read("members.xlsx", "not a zip".getBytes(), COLUMNS))
			.isInstanceOfSatisfying(ImportFileException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("import.error.unreadable"));
		assertThatThrownBy(() -> TabularFiles.read("members.csv", new byte[0], COLUMNS)).isInstanceOfSatisfying(
				ImportFileException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("import.error.empty"));
		assertThatThrownBy(() -> TabularFiles.read("members.csv", "姓名,手机号\n".getBytes(StandardCharsets.UTF_8), COLUMNS))
			.isInstanceOfSatisfying(ImportFileException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("import.error.noRows"));
	}

	@Test
	void readsXlsxWithPhoneNumbersTypedAsNumbers() throws Exception {
		byte[] file = xlsx(new Object[][] { { "姓名", "手机号" }, { "赵建军", 13925002026d }, {}, { "王秀兰", "13925005065" } });
		List<Row> rows = TabularFiles.read("members.xlsx", file, COLUMNS);
		assertThat(rows).extracting((row) -> row.get("phone")).containsExactly("13925002026", "13925005065");
		assertThat(rows).extracting(Row::line).containsExactly(2, 4);
	}

	@Test
	void refusesMoreRowsThanTheLimit() {
		StringBuilder csv = new StringBuilder("姓名,手机号\n");
		for (int i = 0; i <= TabularFiles.MAX_ROWS; i++) {
			csv.append("某,").append(i).append('\n');
		}
		assertThatThrownBy(
				() -> TabularFiles.read("members.csv", csv.toString().getBytes(StandardCharsets.UTF_8), COLUMNS))
			.isInstanceOfSatisfying(ImportFileException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("import.error.tooManyRows"));
	}

	static byte[] xlsx(Object[][] cells) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet();
			for (int r = 0; r < cells.length; r++) {
				XSSFRow row = sheet.createRow(r);
				for (int c = 0; c < cells[r].length; c++) {
					Object value = cells[r][c];
					if (value instanceof Double d) {
						row.createCell(c).setCellValue(d);
					}
					else {
						row.createCell(c).setCellValue(String.valueOf(value));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
