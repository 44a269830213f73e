package org.oneweek.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Tables written as CSV (UTF-8 with a BOM, so Excel on a Chinese Windows reads it) or
 * .xlsx, for every export. In .xlsx a {@link LocalDate} is a date cell, a
 * {@link LocalDateTime} a date-and-time cell, a {@link Number} a number cell (so a
 * spreadsheet sorts, sums and filters them), anything else text, never evaluated as a
 * formula; {@code null} is an empty cell. In CSV, a cell that a spreadsheet would take
 * for a formula (=, +, -, @, tab, carriage return) is prefixed with an apostrophe; dates
 * are ISO ({@code 2026-03-02}, {@code 2026-03-02 09:30}).
 */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	public static byte[] csv(List<String> headings, List<? extends List<?>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xEF);
		out.write(0xBB);
		out.write(0xBF);
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT)) {
			printer.printRecord(headings.stream().map(Spreadsheets::safe).toList());
			for (List<?> row : rows) {
				printer.printRecord(row.stream().map(Spreadsheets::csvText).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] xlsx(String sheetName, List<String> headings, List<? extends List<?>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CreationHelper helper = workbook.getCreationHelper();
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle dateTime = workbook.createCellStyle();
			dateTime.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < headings.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(headings.get(i));
				cell.setCellStyle(bold);
			}
			int r = 1;
			for (List<?> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (value instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					else if (value instanceof LocalDateTime time) {
						cell.setCellValue(time);
						cell.setCellStyle(dateTime);
					}
					else if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else {
						// text cells: never evaluated as formulas
						cell.setCellValue(value.toString());
					}
				}
			}
			sheet.createFreezePane(0, 1);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String csvText(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof LocalDateTime time) {
			return time.toLocalDate() + " " + time.toLocalTime().withSecond(0).withNano(0);
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return safe(value.toString());
	}

	/** Neutralizes what a spreadsheet would run as a formula. */
	public static String safe(String value) {
		if (value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				|| first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20') {
			return "'" + value;
		}
		return value;
	}

}
