package org.oneweek.casework.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Satisfaction;
import org.oneweek.casework.Urgency;
import org.oneweek.platform.Ids;

/**
 * A case as the JSON API shows it. The reporter is present only for those who may see it.
 */
record CaseJson(String reference, long villageId, String village, CaseSource source, CaseType type, String category,
		Urgency urgency, String title, @Nullable String description, @Nullable String location, String publicTitle,
		CaseState state, @Nullable AssigneeJson assignee, int progress, Instant receivedAt, Instant firstContactDue,
		Instant resolutionDue, @Nullable Instant firstContactAt, @Nullable Instant resolvedAt,
		@Nullable Instant closedAt, @Nullable String result, @Nullable Satisfaction satisfaction, boolean overdue,
		int escalationLevel, @Nullable BigDecimal fundingRequested, @Nullable BigDecimal fundingApproved,
		@Nullable String fundingSource, @Nullable String fundingApprovedBy, @Nullable ReporterJson reporter) {

	record AssigneeJson(AssigneeKind kind, @Nullable Long memberId, @Nullable Long unitId, String name) {

	}

	record ReporterJson(@Nullable String name, @Nullable String phone, @Nullable String household, boolean consent) {

	}

	static CaseJson of(Case c, String village, Instant now, Case.@Nullable Reporter reporter) {
		Case.Assignee a = c.assignee();
		return new CaseJson(c.reference(), c.villageId().value(), village, c.source(), c.type(), c.category(),
				c.urgency(), c.title(), c.description(), c.location(), c.publicTitle(), c.state(),
				(a != null) ? new AssigneeJson(a.kind(), Ids.value(a.memberId()), Ids.value(a.unitId()), a.name())
						: null,
				c.progress(), c.receivedAt(), c.firstContactDue(), c.resolutionDue(), c.firstContactAt(),
				c.resolvedAt(), c.closedAt(), c.result(), c.satisfaction(), c.isOverdue(now), c.escalationLevel(),
				c.fundingRequested(), c.fundingApproved(), c.fundingSource(), c.fundingApprovedBy(),
				(reporter != null)
						? new ReporterJson(reporter.name(), reporter.phone(), reporter.household(), reporter.consent())
						: null);
	}

	/** One entry of the timeline. */
	record EventJson(int seq, CaseEvent.Kind kind, Instant at, String actor, @Nullable CaseState fromState,
			@Nullable CaseState toState, @Nullable String reason, String text, Map<String, Object> data,
			boolean isPublic) {

	}

	/** A page of search results. */
	/**
	 * @param total the cases found, or at least that many when {@code more} (the count
	 * stops at 10,000)
	 */
	record PageJson(List<CaseJson> cases, long total, boolean more, int page, int size) {

	}

}
