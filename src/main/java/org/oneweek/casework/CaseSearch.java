package org.oneweek.casework;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

/**
 * An inquiry into the ledger: every filter is optional. Words are Chinese or English (垃圾
 * finds 垃圾清运不及时); a reference number finds its case.
 *
 * @param openOnly only cases still open (not closed, merged or declined)
 * @param responsibleMemberId cases for which this member is responsible
 * @param priority order by urgency and deadline instead of newest first
 */
public record CaseSearch(@Nullable String words, @Nullable String reference, @Nullable VillageId villageId,
		@Nullable TownshipId townshipId, @Nullable TermId termId, @Nullable CaseState state, @Nullable String category,
		@Nullable CaseType type, @Nullable Urgency urgency, @Nullable AssigneeKind assigneeKind,
		@Nullable MemberId responsibleMemberId, @Nullable UnitId responsibleUnitId, boolean overdue, boolean openOnly,
		@Nullable LocalDate from, @Nullable LocalDate to, boolean priority) {

	public static CaseSearch all() {
		return new CaseSearch(null, null, null, null, null, null, null, null, null, null, null, null, false, false,
				null, null, false);
	}

	public CaseSearch withVillage(@Nullable VillageId village) {
		return new CaseSearch(words, reference, village, townshipId, termId, state, category, type, urgency,
				assigneeKind, responsibleMemberId, responsibleUnitId, overdue, openOnly, from, to, priority);
	}

	public CaseSearch withTownship(@Nullable TownshipId township) {
		return new CaseSearch(words, reference, villageId, township, termId, state, category, type, urgency,
				assigneeKind, responsibleMemberId, responsibleUnitId, overdue, openOnly, from, to, priority);
	}

	public CaseSearch withTerm(@Nullable TermId term) {
		return new CaseSearch(words, reference, villageId, townshipId, term, state, category, type, urgency,
				assigneeKind, responsibleMemberId, responsibleUnitId, overdue, openOnly, from, to, priority);
	}

	public CaseSearch withWords(@Nullable String text) {
		return new CaseSearch(text, reference, villageId, townshipId, termId, state, category, type, urgency,
				assigneeKind, responsibleMemberId, responsibleUnitId, overdue, openOnly, from, to, priority);
	}

	public CaseSearch withResponsibleMember(@Nullable MemberId member) {
		return new CaseSearch(words, reference, villageId, townshipId, termId, state, category, type, urgency,
				assigneeKind, member, responsibleUnitId, overdue, openOnly, from, to, priority);
	}

	public CaseSearch withResponsibleUnit(@Nullable UnitId unit) {
		return new CaseSearch(words, reference, villageId, townshipId, termId, state, category, type, urgency,
				assigneeKind, responsibleMemberId, unit, overdue, openOnly, from, to, priority);
	}

	public CaseSearch openOnly(boolean open) {
		return new CaseSearch(words, reference, villageId, townshipId, termId, state, category, type, urgency,
				assigneeKind, responsibleMemberId, responsibleUnitId, overdue, open, from, to, priority);
	}

	public CaseSearch byPriority() {
		return new CaseSearch(words, reference, villageId, townshipId, termId, state, category, type, urgency,
				assigneeKind, responsibleMemberId, responsibleUnitId, overdue, openOnly, from, to, true);
	}

	/**
	 * One page of results: {@code total} cases found, or at least that many when
	 * {@code more} (the count stops at {@link CaseInquiries#MAX_COUNT}).
	 */
	public record Page(List<Case> cases, long total, boolean more, int page, int size) {

		public Page {
			cases = List.copyOf(cases);
		}

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}

		public boolean hasNext() {
			return page + 1 < pages();
		}

		public boolean hasPrevious() {
			return page > 0;
		}

	}

}
