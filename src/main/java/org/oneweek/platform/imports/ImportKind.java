package org.oneweek.platform.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One kind of import a module offers (places, members…): its columns, how rows are
 * checked, and how checked rows are written. {@link #apply} runs inside the transaction
 * of {@link ImportBatches#apply}, so a failure leaves nothing half-imported.
 */
public interface ImportKind {

	String name();

	/** The role that may run this import. */
	default String requiredRole() {
		return "ORG_ADMIN";
	}

	/** Where to go after a successful import. */
	String doneUrl();

	List<Column> columns();

	/** Every error of every row, checked against the file itself and the database. */
	List<RowError> validate(List<Row> rows);

	/**
	 * Where the preview loads a note about one row, or null: a path of this site whose
	 * HTML fragment is shown under the row (the officials' list: the village's open cases
	 * that look like it).
	 */
	default @Nullable String rowNoteUrl(Row row) {
		return null;
	}

	/** Writes all rows; returns how many records were created. */
	int apply(List<Row> rows, String actor);

}
