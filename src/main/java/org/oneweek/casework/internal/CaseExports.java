package org.oneweek.casework.internal;

import java.util.List;

import org.oneweek.platform.Spreadsheets;

/**
 * Writes ledger rows to CSV or .xlsx ({@link Spreadsheets}): dates are date cells,
 * everything else text, never evaluated as a formula.
 */
public final class CaseExports {

	private CaseExports() {
	}

	public static byte[] csv(List<String> headings, List<? extends List<?>> rows) {
		return Spreadsheets.csv(headings, rows);
	}

	public static byte[] xlsx(String sheetName, List<String> headings, List<? extends List<?>> rows) {
		return Spreadsheets.xlsx(sheetName, headings, rows);
	}

}
