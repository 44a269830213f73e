package org.oneweek.platform.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded file, read and checked, waiting to be applied or discarded.
 */
public record ImportBatch(UUID id, String kind, String fileName, String createdBy, Instant createdAt, List<Row> rows,
		List<RowError> errors, State state) {

	public enum State {

		PREVIEW, APPLIED, DISCARDED

	}

	public boolean canApply() {
		return state == State.PREVIEW && errors.isEmpty();
	}

}
