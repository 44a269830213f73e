package org.oneweek.diary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseState;

/**
 * A term's hand-over report (交接报告), generated from the ledger, the diaries, the meetings
 * and the inspections: what was heard, what was solved, what is open with next steps and
 * deadlines, the funding obtained, and the team's notes to the next team. Kept, as it
 * stood at the hand-over, with the village's records.
 *
 * @param received cases heard during the term
 * @param inherited open cases handed over by the previous team
 * @param solved cases resolved during the term
 * @param otherOutcomes cases declined or merged
 * @param open cases still open, with next steps and deadlines
 */
public record HandoverReport(long termId, long villageId, String villageName, String townshipName, LocalDate weekStart,
		LocalDate weekEnd, String week, List<Person> team, @Nullable Long nextTermId, @Nullable String nextWeek,
		List<Person> nextTeam, List<Item> received, List<Item> inherited, List<Item> solved, List<Item> otherOutcomes,
		List<Item> open, List<Funding> funding, BigDecimal fundingTotal, List<MeetingLine> meetings,
		List<InspectionLine> inspections, List<DiaryLine> diaries, List<PlanLine> plans, @Nullable String notes,
		Instant generatedAt) {

	public HandoverReport {
		team = List.copyOf(team);
		nextTeam = List.copyOf(nextTeam);
		received = List.copyOf(received);
		inherited = List.copyOf(inherited);
		solved = List.copyOf(solved);
		otherOutcomes = List.copyOf(otherOutcomes);
		open = List.copyOf(open);
		funding = List.copyOf(funding);
		meetings = List.copyOf(meetings);
		inspections = List.copyOf(inspections);
		diaries = List.copyOf(diaries);
		plans = List.copyOf(plans);
	}

	/** A member of a team. */
	public record Person(long memberId, String name, boolean lead) {

	}

	/**
	 * A case as the report shows it (never its reporter).
	 *
	 * @param nextStep what the team says should happen next (or, if it said nothing, the
	 * case's latest progress note)
	 * @param nextStepWritten whether the team wrote the next step itself
	 */
	public record Item(long caseId, String reference, String title, String category, CaseSource source, CaseState state,
			@Nullable String responsible, int progress, Instant receivedAt, Instant resolutionDue,
			@Nullable Instant resolvedAt, @Nullable String result, int escalationLevel, boolean overdue,
			@Nullable String nextStep, boolean nextStepWritten) {

	}

	/** Money approved during the term for one of its cases. */
	public record Funding(String reference, String title, BigDecimal amount, @Nullable String source,
			@Nullable String approvedBy, Instant at) {

	}

	public record MeetingLine(long id, LocalDate day, String place, @Nullable Integer attendees, int cases) {

	}

	public record InspectionLine(long id, LocalDate day, String route, @Nullable String officials, int findings,
			int cases) {

	}

	/** A member's diaries of the term. */
	public record DiaryLine(long memberId, String name, int written, int expected, int households) {

	}

	/** The latest plan a member wrote in their diary. */
	public record PlanLine(String name, LocalDate day, String plan) {

	}

	public int heardCount() {
		return received.size() + inherited.size();
	}

	public int attendees() {
		return meetings.stream().mapToInt((m) -> (m.attendees() != null) ? m.attendees() : 0).sum();
	}

	public int findings() {
		return inspections.stream().mapToInt(InspectionLine::findings).sum();
	}

	public long escalatedCount() {
		return open.stream().filter((i) -> i.escalationLevel() > 0).count();
	}

}
