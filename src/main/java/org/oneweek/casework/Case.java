package org.oneweek.casework;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.AccountId;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

/**
 * A case (民情事项) as it stands after all its events. The reporter is not here: see
 * {@link Reporter}, which only some people may see.
 */
public record Case(CaseId id, String reference, VillageId villageId, TownshipId townshipId,
		@Nullable TermId receivedTermId, @Nullable TermId responsibleTermId, CaseSource source, CaseType type,
		String category, Urgency urgency, String title, @Nullable String description, @Nullable String location,
		String publicTitle, CaseState state, @Nullable Assignee assignee, int progress, Instant receivedAt,
		Instant firstContactDue, Instant resolutionDue, @Nullable Instant firstContactAt, @Nullable Instant resolvedAt,
		@Nullable Instant closedAt, @Nullable String result, @Nullable Satisfaction satisfaction,
		@Nullable CaseId mergedIntoId, @Nullable String declineReason, int escalationLevel,
		@Nullable BigDecimal fundingRequested, @Nullable BigDecimal fundingApproved, @Nullable String fundingSource,
		@Nullable String fundingApprovedBy, int reopenedCount, AccountId recordedBy,
		@Nullable MemberId recordedByMember, int lastEventSeq, Instant updatedAt) {

	/**
	 * Who is responsible: a member (secretary, troubleshooter), a unit, the committee or
	 * a villager group, with the name as shown.
	 */
	public record Assignee(AssigneeKind kind, @Nullable MemberId memberId, @Nullable UnitId unitId, String name) {

	}

	/** The reporter, private. */
	public record Reporter(@Nullable String name, @Nullable String phone, @Nullable String household, boolean consent) {

		/** 陈** and 138****5678: enough for a clerk to recognise, not to identify. */
		public String maskedName() {
			return mask(name);
		}

		public String maskedPhone() {
			if (phone == null || phone.isBlank()) {
				return "";
			}
			String digits = phone.strip();
			if (digits.length() <= 4) {
				return "*".repeat(digits.length());
			}
			if (digits.length() < 8) {
				return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
			}
			return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
		}

		static String mask(@Nullable String name) {
			if (name == null || name.isBlank()) {
				return "";
			}
			String stripped = name.strip();
			int first = stripped.offsetByCodePoints(0, 1);
			int rest = stripped.codePointCount(first, stripped.length());
			return stripped.substring(0, first) + "*".repeat(Math.max(rest, 1));
		}

	}

	public boolean isOverdue(Instant now) {
		if (!state.isActive()) {
			return false;
		}
		return now.isAfter(resolutionDue) || (firstContactAt == null && now.isAfter(firstContactDue));
	}

	public boolean isOpen() {
		return state.isOpen();
	}

}
