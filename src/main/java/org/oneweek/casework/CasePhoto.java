package org.oneweek.casework;

import java.time.Instant;

/**
 * A photo of a case (its bytes are read separately).
 */
public record CasePhoto(PhotoId id, CaseId caseId, Phase phase, String contentType, int sizeBytes, Instant uploadedAt) {

	public enum Phase {

		INTAKE, BEFORE, AFTER

	}

}
