package org.oneweek.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An inspection walk (实地察看): who came (the team members present and officials of the
 * street or a unit), the route, and what was found.
 */
public record Inspection(long id, long termId, long villageId, LocalDate day, String route, @Nullable String officials,
		@Nullable String notes, List<Long> memberIds, List<Finding> findings, String recordedByName,
		Instant recordedAt) {

	public Inspection {
		memberIds = List.copyOf(memberIds);
		findings = List.copyOf(findings);
	}

	/**
	 * Something found on the way, with its photo, and the case it became or belongs to.
	 */
	public record Finding(long id, long inspectionId, String text, @Nullable String details, @Nullable String location,
			boolean hasPhoto, @Nullable Long caseId, Instant recordedAt) {

	}

	public List<Long> caseIds() {
		return findings.stream().map(Finding::caseId).filter((id) -> id != null).map((id) -> (long) id).toList();
	}

}
