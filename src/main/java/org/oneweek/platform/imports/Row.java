package org.oneweek.platform.imports;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One data row of a spreadsheet, by column key; {@code line} is the row number a person
 * sees in their spreadsheet program (the heading is line 1).
 */
public record Row(int line, Map<String, String> values) {

	public Row {
		values = Map.copyOf(values);
	}

	/** The trimmed value, or null when the cell is empty. */
	public @Nullable String get(String key) {
		String value = values.get(key);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
