package org.oneweek.platform.imports;

import java.util.List;

/**
 * What is wrong with one row: the line, the column's key (or empty for the whole row),
 * and a message key with its arguments.
 */
public record RowError(int line, String column, String messageKey, List<String> arguments) {

	public RowError {
		arguments = List.copyOf(arguments);
	}

	public static RowError of(int line, String column, String messageKey, Object... arguments) {
		return new RowError(line, column, messageKey, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
	}

}
