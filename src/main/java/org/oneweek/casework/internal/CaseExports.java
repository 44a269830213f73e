package org.oneweek.casework.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes ledger rows to CSV (UTF-8 with a BOM, so Excel on a Chinese Windows reads it) or
 * .xlsx. Every cell is text: a CSV cell that a spreadsheet would take for a formula (=,
 * +, -, @, tab, carriage return) is prefixed with an apostrophe.
 */
public final class CaseExports {

	private CaseExports() {
	}

	public static byte[] csv(List<String> headings, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xEF);
		out.write(0xBB);
		out.write(0xBF);
		try (CSVPrinter printer = new CSVPrinter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT)) {
			printer.printRecord(headings.stream().map(CaseExports::safe).toList());
			for (List<String> row : rows) {
				printer.printRecord(row.stream().map(CaseExports::safe).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] xlsx(String sheetName, List<String> headings, List<List<String>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			for (int i = 0; i < headings.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(headings.get(i));
				cell.setCellStyle(bold);
			}
			int r = 1;
			for (List<String> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					// text cells: never evaluated as formulas
					row.createCell(i).setCellValue(values.get(i));
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

	/** Neutralizes what a spreadsheet would run as a formula. */
	static String safe(String value) {
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
