package org.oneweek.casework;

import java.time.Instant;

/**
 * A photo of a case (its bytes are read separately).
 */
public record CasePhoto(long id, long caseId, Phase phase, String contentType, int sizeBytes, Instant uploadedAt) {

	public enum Phase {

		INTAKE, BEFORE, AFTER

	}

}
