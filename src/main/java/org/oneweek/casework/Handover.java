package org.oneweek.casework;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

/**
 * The open cases of a village passed from one term's team to the next, and whether the
 * next team has acknowledged them.
 */
public record Handover(HandoverId id, VillageId villageId, TermId fromTermId, TermId toTermId, Instant createdAt,
		String createdBy, @Nullable String note, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy,
		List<Item> items) {

	public Handover {
		items = List.copyOf(items);
	}

	/** A case as it stood when handed over. */
	public record Item(CaseId caseId, CaseState state) {

	}

	public boolean acknowledged() {
		return acknowledgedAt != null;
	}

}
