package org.oneweek.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseId;
import org.oneweek.people.MemberId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

/**
 * An inspection walk (实地察看): who came (the team members present and officials of the
 * street or a unit), the route, and what was found.
 */
public record Inspection(InspectionId id, TermId termId, VillageId villageId, LocalDate day, String route,
		@Nullable String officials, @Nullable String notes, List<MemberId> memberIds, List<Finding> findings,
		String recordedByName, Instant recordedAt) {

	public Inspection {
		memberIds = List.copyOf(memberIds);
		findings = List.copyOf(findings);
	}

	/**
	 * Something found on the way, with its photo, and the case it became or belongs to.
	 */
	public record Finding(long id, InspectionId inspectionId, String text, @Nullable String details,
			@Nullable String location, boolean hasPhoto, @Nullable CaseId caseId, Instant recordedAt) {

	}

	public List<CaseId> caseIds() {
		return findings.stream().map(Finding::caseId).filter((id) -> id != null).toList();
	}

}
