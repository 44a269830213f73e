package org.oneweek.platform.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an .xlsx file or a CSV file into rows keyed by column. CSV
 * files saved by Excel on a Chinese Windows are GB18030 (GBK), others UTF-8: both are
 * read, and a file that is neither is refused rather than imported as mojibake.
 */
public final class TabularFiles {

	public static final int MAX_ROWS = 20_000;

	public static final int MAX_BYTES = 15 * 1024 * 1024;

	private static final Charset GB18030 = Charset.forName("GB18030");

	private TabularFiles() {
	}

	public static List<Row> read(String fileName, byte[] content, List<Column> columns) {
		if (content.length == 0) {
			throw new ImportFileException("import.error.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new ImportFileException("import.error.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		String name = fileName.toLowerCase(Locale.ROOT);
		List<List<String>> lines;
		if (name.endsWith(".xlsx")) {
			lines = readXlsx(content);
		}
		else if (name.endsWith(".csv") || name.endsWith(".txt")) {
			lines = readCsv(decode(content));
		}
		else {
			throw new ImportFileException("import.error.type");
		}
		return toRows(lines, columns);
	}

	static String decode(byte[] content) {
		int offset = 0;
		if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) {
			offset = 3;
		}
		if (content.length >= 2 && ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE
				|| (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF)) {
			return strictly(content, 0, StandardCharsets.UTF_16);
		}
		String text = strictly(content, offset, StandardCharsets.UTF_8);
		if (text == null && offset == 0) {
			text = strictly(content, 0, GB18030);
		}
		if (text == null || text.indexOf('\u0000') >= 0) {
			throw new ImportFileException("import.error.encoding");
		}
		return text;
	}

	private static String strictly(byte[] content, int offset, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static List<List<String>> readCsv(String text) {
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = (count(firstLine, '\t') > count(firstLine, ',')) ? '\t'
				: (count(firstLine, ';') > count(firstLine, ',')) ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
		List<List<String>> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			for (CSVRecord record : parser) {
				if (lines.size() > MAX_ROWS) {
					throw new ImportFileException("import.error.tooManyRows", MAX_ROWS);
				}
				lines.add(record.toList());
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw new ImportFileException("import.error.unreadable");
		}
		return lines;
	}

	private static int count(String text, char c) {
		return (int) text.chars().filter((ch) -> ch == c).count();
	}

	private static List<List<String>> readXlsx(byte[] content) {
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		List<List<String>> lines = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new ImportFileException("import.error.empty");
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw new ImportFileException("import.error.tooManyRows", MAX_ROWS);
			}
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
						cells.add(cellText(row.getCell(c), formatter));
					}
				}
				lines.add(cells);
			}
		}
		catch (ImportFileException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// POI reports a broken or hostile file (not a zip, a zip bomb, bad XML) in
			// many ways
			throw new ImportFileException("import.error.unreadable");
		}
		return lines;
	}

	private static String cellText(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		if (type == CellType.NUMERIC) {
			if (DateUtil.isCellDateFormatted(cell)) {
				return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
			}
			// phone numbers and codes typed as numbers must not come out as 1.38E10
			return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
		}
		if (type == CellType.STRING) {
			return cell.getStringCellValue();
		}
		if (type == CellType.BOOLEAN) {
			return String.valueOf(cell.getBooleanCellValue());
		}
		return formatter.formatCellValue(cell);
	}

	private static List<Row> toRows(List<List<String>> lines, List<Column> columns) {
		int headerIndex = 0;
		while (headerIndex < lines.size() && isBlank(lines.get(headerIndex))) {
			headerIndex++;
		}
		if (headerIndex >= lines.size()) {
			throw new ImportFileException("import.error.empty");
		}
		List<String> headings = lines.get(headerIndex);
		Map<Integer, String> keyByIndex = new HashMap<>();
		for (int i = 0; i < headings.size(); i++) {
			String heading = headings.get(i);
			if (heading == null || heading.isBlank()) {
				continue;
			}
			for (Column column : columns) {
				if (column.matches(heading)) {
					if (keyByIndex.containsValue(column.key())) {
						throw new ImportFileException("import.error.duplicateColumn", heading.strip());
					}
					keyByIndex.put(i, column.key());
				}
			}
		}
		List<String> missing = columns.stream()
			.filter(Column::required)
			.filter((column) -> !keyByIndex.containsValue(column.key()))
			.map((column) -> column.headings().get(0))
			.toList();
		if (!missing.isEmpty()) {
			throw new ImportFileException("import.error.missingColumns", String.join("、", missing),
					String.join("、", headings.stream().filter((h) -> h != null && !h.isBlank()).toList()));
		}
		List<Row> rows = new ArrayList<>();
		for (int l = headerIndex + 1; l < lines.size(); l++) {
			List<String> cells = lines.get(l);
			if (isBlank(cells)) {
				continue;
			}
			Map<String, String> values = new HashMap<>();
			keyByIndex.forEach((index, key) -> {
				if (index < cells.size() && cells.get(index) != null) {
					values.put(key, cells.get(index));
				}
			});
			rows.add(new Row(l + 1, values));
		}
		if (rows.isEmpty()) {
			throw new ImportFileException("import.error.noRows");
		}
		if (rows.size() > MAX_ROWS) {
			throw new ImportFileException("import.error.tooManyRows", MAX_ROWS);
		}
		return rows;
	}

	private static boolean isBlank(List<String> cells) {
		return cells.stream().allMatch((cell) -> cell == null || cell.isBlank());
	}

}
