package org.oneweek.roster;

import java.time.LocalDate;
import java.util.List;

import org.oneweek.people.MemberId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Weeks;

/**
 * One village's week with its team of three.
 */
public record Term(TermId id, VillageId villageId, LocalDate weekStart, List<TeamMember> team) {

	public record TeamMember(MemberId memberId, boolean lead) {

	}

	public Term {
		team = List.copyOf(team);
	}

	public LocalDate weekEnd() {
		return weekStart.plusDays(6);
	}

	public String week() {
		return Weeks.label(weekStart);
	}

	public boolean covers(LocalDate date) {
		return !date.isBefore(weekStart) && !date.isAfter(weekEnd());
	}

	public boolean hasMember(MemberId memberId) {
		return team.stream().anyMatch((m) -> m.memberId().equals(memberId));
	}

	public List<MemberId> memberIds() {
		return team.stream().map(TeamMember::memberId).toList();
	}

	public MemberId leadId() {
		return team.stream().filter(TeamMember::lead).findFirst().orElseThrow().memberId();
	}

}
