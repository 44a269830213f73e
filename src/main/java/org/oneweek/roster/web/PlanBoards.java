package org.oneweek.roster.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.Member;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.VillageSchedule;
import org.oneweek.roster.VillageSchedules;
import org.oneweek.roster.internal.PlanRange;
import org.oneweek.roster.internal.PlanReview;
import org.oneweek.roster.internal.Slot;
import org.oneweek.roster.internal.StoredRoster;
import org.oneweek.roster.internal.StoredRoster.StoredDuty;
import org.oneweek.roster.internal.StoredRoster.StoredTerm;
import org.oneweek.roster.planning.Finding;
import org.oneweek.roster.planning.Place;
import org.oneweek.roster.planning.RosterConstraints;
import org.oneweek.roster.planning.WeekIndex;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planner's board: for each week of a range and each street, the troubleshooter and
 * the villages' teams, planned or published, with the posts that break a hard rule
 * marked.
 */
@Component
class PlanBoards {

	record Board(PlanRange range, List<BoardWeek> weeks, int planned, int published, int pinned, int open) {

	}

	record BoardWeek(LocalDate monday, String label, List<BoardTownship> townships) {

		public LocalDate sunday() {
			return monday.plusDays(6);
		}

	}

	record BoardTownship(Township township, @Nullable BoardDuty duty, boolean dutyNeeded, List<BoardTerm> terms) {

	}

	record BoardTerm(@Nullable Long termId, Village village, boolean published, boolean pinned, List<BoardSeat> seats,
			boolean flagged) {

		public boolean planned() {
			return termId != null && !published;
		}

		public boolean complete() {
			return seats.stream().allMatch((seat) -> seat.member() != null);
		}

	}

	record BoardSeat(@Nullable Slot slot, @Nullable Member member, boolean lead, boolean flagged, boolean local) {

		public @Nullable String key() {
			return (slot != null) ? slot.key() : null;
		}

	}

	record BoardDuty(long dutyId, Member member, boolean published, boolean pinned, Slot slot, boolean flagged,
			boolean local) {

		public String key() {
			return slot.key();
		}

	}

	private final StoredRoster roster;

	private final Places places;

	private final Members members;

	private final VillageSchedules schedules;

	PlanBoards(StoredRoster roster, Places places, Members members, VillageSchedules schedules) {
		this.roster = roster;
		this.places = places;
		this.members = members;
		this.schedules = schedules;
	}

	/** The board, its reads from three modules in one read-only transaction. */
	@Transactional(readOnly = true)
	Board board(PlanRange range, @Nullable Long townshipFilter, PlanReview.Review review) {
		Map<Long, Member> people = members.all()
			.stream()
			.collect(Collectors.toMap((m) -> m.id().value(), Function.identity()));
		Map<Long, Village> villages = places.villages()
			.stream()
			.collect(Collectors.toMap((v) -> v.id().value(), Function.identity()));
		List<Township> townships = places.townships()
			.stream()
			.filter((t) -> townshipFilter == null || t.id().value() == townshipFilter)
			.toList();
		Set<String> flags = flags(review);

		Map<String, StoredTerm> terms = new HashMap<>();
		for (StoredTerm term : roster.terms(range)) {
			terms.put(term.villageId() + "@" + term.week(), term);
		}
		Map<String, StoredDuty> duties = new HashMap<>();
		for (StoredDuty duty : roster.duties(range)) {
			duties.put(duty.townshipId() + "@" + duty.week(), duty);
		}
		List<VillageSchedule> allSchedules = schedules.all();

		int planned = 0;
		int published = 0;
		int pinned = 0;
		int open = 0;
		List<BoardWeek> weeks = new ArrayList<>();
		for (LocalDate monday : range.weeks()) {
			int week = WeekIndex.of(monday);
			List<BoardTownship> rows = new ArrayList<>();
			for (Township township : townships) {
				List<BoardTerm> row = new ArrayList<>();
				for (Village village : villages.values()
					.stream()
					.filter((v) -> v.townshipId().equals(township.id()))
					.sorted(Comparator.comparing(Village::code))
					.toList()) {
					StoredTerm term = terms.get(village.id() + "@" + monday);
					boolean needed = village.active() && allSchedules.stream()
						.anyMatch((s) -> s.villageId().equals(village.id()) && s.needsTeamIn(monday));
					if (term == null && !needed) {
						continue;
					}
					List<BoardSeat> seats = new ArrayList<>();
					boolean termFlagged = flags.contains("v" + village.id() + "@" + week);
					if (term != null) {
						for (long memberId : term.members()) {
							Member member = people.get(memberId);
							seats.add(new BoardSeat(Slot.seat(term.id(), memberId), member,
									Objects.equals(term.lead(), memberId), flags.contains(memberId + "@" + week),
									member != null && member.homeTownshipId() != null
											&& township.id().equals(member.homeTownshipId())));
						}
						while (seats.size() < RosterConstraints.TEAM_SIZE) {
							seats.add(new BoardSeat(Slot.seat(term.id(), null), null, false, true, false));
						}
						boolean isPublished = term.published();
						if (isPublished) {
							published++;
						}
						else {
							planned++;
						}
						if (term.pinned()) {
							pinned++;
						}
						row.add(new BoardTerm(term.id(), village, isPublished, term.pinned(), seats, termFlagged));
					}
					else {
						open++;
						for (int i = 0; i < RosterConstraints.TEAM_SIZE; i++) {
							seats.add(new BoardSeat(null, null, false, true, false));
						}
						row.add(new BoardTerm(null, village, false, false, seats, true));
					}
				}
				StoredDuty stored = duties.get(township.id() + "@" + monday);
				BoardDuty duty = null;
				if (stored != null && people.containsKey(stored.memberId())) {
					Member member = people.get(stored.memberId());
					duty = new BoardDuty(stored.id(), member, stored.published(), stored.pinned(),
							Slot.duty(stored.id(), stored.memberId()), flags.contains(stored.memberId() + "@" + week),
							township.id().equals(member.homeTownshipId()));
					if (stored.published()) {
						published++;
					}
					else {
						planned++;
					}
				}
				boolean dutyNeeded = !row.isEmpty();
				if (duty == null && dutyNeeded) {
					open++;
				}
				if (!row.isEmpty() || duty != null) {
					rows.add(new BoardTownship(township, duty, dutyNeeded, row));
				}
			}
			weeks.add(new BoardWeek(monday, Weeks.label(monday), rows));
		}
		return new Board(range, weeks, planned, published, pinned, open);
	}

	/**
	 * Members and places in a week that break a hard rule, as "member@week" and
	 * "v12@week".
	 */
	private static Set<String> flags(PlanReview.Review review) {
		Set<String> flags = new HashSet<>();
		for (PlanReview.RuleResult rule : review.rules()) {
			if (!rule.hard()) {
				continue;
			}
			for (Finding finding : rule.findings()) {
				boolean quarter = RosterConstraints.MAX_PER_QUARTER.equals(rule.rule());
				for (long member : finding.memberIds()) {
					if (!quarter) {
						finding.weeks().forEach((week) -> flags.add(member + "@" + week));
					}
				}
				for (Place place : finding.places()) {
					if (!place.township() && finding.memberIds().isEmpty()) {
						finding.weeks().forEach((week) -> flags.add("v" + place.id() + "@" + week));
					}
				}
			}
		}
		return flags;
	}

	/** Active members with no term or duty in the week of the slot, to put on it. */
	@Transactional(readOnly = true)
	List<Member> free(Slot slot) {
		LocalDate week = roster.weekOf(slot).orElse(null);
		if (week == null) {
			return List.of();
		}
		Set<Long> busy = roster.busyIn(week);
		return members.all().stream().filter(Member::active).filter((m) -> !busy.contains(m.id().value())).toList();
	}

}
