package org.oneweek.diary;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Handover;
import org.oneweek.casework.HandoverId;
import org.oneweek.casework.Handovers;
import org.oneweek.diary.HandoverReport.DiaryLine;
import org.oneweek.diary.HandoverReport.Funding;
import org.oneweek.diary.HandoverReport.InspectionLine;
import org.oneweek.diary.HandoverReport.Item;
import org.oneweek.diary.HandoverReport.MeetingLine;
import org.oneweek.diary.HandoverReport.Person;
import org.oneweek.diary.HandoverReport.PlanLine;
import org.oneweek.diary.internal.TermLookup;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.people.Role;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * The term's hand-over report. While the term runs it is generated afresh from the
 * ledger, the diaries, the meetings and the inspections, and the team writes its notes
 * and the next step of each open case. The hand-over of the cases (the ledger's
 * {@link Handovers}, by the team or by the system once the term has ended) fixes the
 * report as it stood; the next team's lead then acknowledges it, which also acknowledges
 * the cases.
 */
@Service
public class HandoverReports {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Cases cases;

	private final Handovers handovers;

	private final TermLookup lookup;

	private final Terms terms;

	private final DiaryAccess access;

	private final Diaries diaries;

	private final MorningMeetings meetings;

	private final Inspections inspections;

	private final DiaryProperties properties;

	private final Members members;

	private final Places places;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	HandoverReports(JdbcClient jdbc, JsonMapper json, Cases cases, Handovers handovers, TermLookup lookup, Terms terms,
			DiaryAccess access, Diaries diaries, MorningMeetings meetings, Inspections inspections,
			DiaryProperties properties, Members members, Places places, TeamDays days,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.cases = cases;
		this.handovers = handovers;
		this.lookup = lookup;
		this.terms = terms;
		this.access = access;
		this.diaries = diaries;
		this.meetings = meetings;
		this.inspections = inspections;
		this.properties = properties;
		this.members = members;
		this.places = places;
		this.zone = days.zone();
	}

	/**
	 * Where the report stands: being written, handed over (fixed), acknowledged.
	 */
	public record Status(@Nullable String notes, @Nullable HandoverId handoverId, @Nullable TermId toTermId,
			@Nullable Instant frozenAt, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {

		static final Status NEW = new Status(null, null, null, null, null, null);

		public boolean handedOver() {
			return frozenAt != null;
		}

		public boolean acknowledged() {
			return acknowledgedAt != null;
		}

	}

	/** The report and where it stands. */
	public record Page(HandoverReport report, Status status) {

	}

	/** A handed-over report waiting for the next lead's acknowledgement. */
	public record Waiting(TermId termId, String villageName, String week) {

	}

	/**
	 * The report of a term, for someone entitled to read it: as it was handed over, or as
	 * it stands now.
	 * @throws DiaryNotFoundException when there is no such term
	 * @throws DiaryAccessDeniedException when the person may not read it
	 */
	@Transactional(readOnly = true)
	public Page page(AccountPrincipal me, TermId termId, Instant now) {
		Term term = term(termId);
		if (!access.canReadReport(me, term)) {
			throw new DiaryAccessDeniedException("report of term " + termId);
		}
		Status status = status(termId);
		String content = jdbc.sql("select content::text from handover_report where term_id = ? and content is not null")
			.param(termId.value())
			.query(String.class)
			.optional()
			.orElse(null);
		HandoverReport report = (content != null) ? json.readValue(content, HandoverReport.class)
				: generate(term, status.notes(), now);
		return new Page(report, status);
	}

	@Transactional(readOnly = true)
	public Status status(TermId termId) {
		return jdbc.sql("select * from handover_report where term_id = ?")
			.param(termId.value())
			.query((rs, n) -> new Status(rs.getString("notes"),
					Ids.nullable(rs.getObject("handover_id", Long.class), HandoverId::of),
					Ids.nullable(rs.getObject("to_term_id", Long.class), TermId::of),
					instant(rs.getTimestamp("frozen_at")), instant(rs.getTimestamp("acknowledged_at")),
					rs.getString("acknowledged_by")))
			.optional()
			.orElse(Status.NEW);
	}

	/** Whether the person may still write the report's notes and next steps. */
	@Transactional(readOnly = true)
	public boolean canWrite(AccountPrincipal me, TermId termId) {
		Term term = term(termId);
		return access.onTeam(me, term) && !status(termId).handedOver();
	}

	/**
	 * The team's notes to the next team.
	 * @throws DiaryRuleException when the report was handed over already
	 */
	@Transactional
	public void saveNotes(AccountPrincipal me, TermId termId, @Nullable String notes, Instant now) {
		writable(me, termId);
		String text = blankToNull(notes);
		if (text != null && text.length() > 5000) {
			throw new DiaryRuleException("validation.tooLong");
		}
		jdbc.sql(
				"""
						insert into handover_report (term_id, notes, notes_updated_at, notes_updated_by) values (?, ?, ?, ?)
						on conflict (term_id) do update set notes = excluded.notes, notes_updated_at = excluded.notes_updated_at,
						  notes_updated_by = excluded.notes_updated_by where handover_report.frozen_at is null""")
			.params(termId.value(), text, Timestamp.from(now), me.displayName())
			.update();
	}

	/**
	 * What should happen next on one of the term's open cases.
	 * @throws DiaryRuleException when the report was handed over, or the case is not open
	 * in this term
	 */
	@Transactional
	public void saveNextStep(AccountPrincipal me, TermId termId, @Nullable CaseId caseId, @Nullable String text,
			Instant now) {
		Term term = writable(me, termId);
		if (caseId == null) {
			throw new DiaryRuleException("diary.report.notOpenCase");
		}
		Instant start = DiaryRules.startOf(term.weekStart(), zone);
		Instant end = DiaryRules.startOf(term.weekEnd().plusDays(1), zone);
		if (termCases(term).stream()
			.noneMatch((c) -> c.id().equals(caseId) && c.state().isOpen() && !solvedIn(c, start, end))) {
			throw new DiaryRuleException("diary.report.notOpenCase");
		}
		String step = blankToNull(text);
		if (step == null) {
			jdbc.sql("delete from handover_next_step where term_id = ? and case_id = ?")
				.params(termId.value(), caseId.value())
				.update();
			return;
		}
		if (step.length() > 1000) {
			throw new DiaryRuleException("validation.tooLong");
		}
		jdbc.sql("""
				insert into handover_next_step (term_id, case_id, text, updated_at, updated_by) values (?, ?, ?, ?, ?)
				on conflict (term_id, case_id) do update set text = excluded.text, updated_at = excluded.updated_at,
				  updated_by = excluded.updated_by""")
			.params(termId.value(), caseId.value(), step, Timestamp.from(now), me.displayName())
			.update();
	}

	/**
	 * The team hands the term over: the village's open cases pass to the next team (the
	 * ledger's hand-over, with the team's notes) and the report is fixed as it stands.
	 * @throws DiaryRuleException when it was handed over already
	 * @throws org.oneweek.casework.CaseRuleException when no next team is planned yet
	 */
	@Transactional
	public Page handOver(AccountPrincipal me, TermId termId, Instant now) {
		Term term = term(termId);
		if (!access.onTeam(me, term) && !me.has(Role.ORG_ADMIN)) {
			throw new DiaryAccessDeniedException("hand-over of term " + termId);
		}
		Status status = status(termId);
		if (status.handedOver()) {
			throw new DiaryRuleException("diary.report.alreadyHandedOver");
		}
		// handed over here, the report is fixed here, in the same transaction
		Handover handover = handovers.handoverFrom(termId).orElseGet(() -> {
			Handover made = handovers.handOverQuietly(new HandOverCases(termId, status.notes()), me, now);
			events.publishEvent(new DiaryEvents.ReportHandedOver(made.id(), made.villageId(), made.toTermId(),
					made.items().size()));
			return made;
		});
		freeze(term, handover, now);
		return new Page(reportOf(termId).orElseThrow(), status(termId));
	}

	/**
	 * Fixes the report of a term whose cases the ledger handed over (by the system when
	 * the term ended, or on the ledger's own page). Nothing changes if it was fixed
	 * already.
	 */
	@Transactional
	public void handedOver(HandoverId handoverId) {
		Handover handover = handovers.handover(handoverId).orElse(null);
		if (handover == null || status(handover.fromTermId()).handedOver()) {
			return;
		}
		lookup.term(handover.fromTermId()).ifPresent((term) -> freeze(term, handover, handover.createdAt()));
	}

	private void freeze(Term term, Handover handover, Instant now) {
		HandoverReport report = generate(term, status(term.id()).notes(), now);
		int frozen = jdbc
			.sql("""
					insert into handover_report (term_id, handover_id, to_term_id, frozen_at, content)
					values (?, ?, ?, ?, cast(? as jsonb))
					on conflict (term_id) do update set handover_id = excluded.handover_id, to_term_id = excluded.to_term_id,
					  frozen_at = excluded.frozen_at, content = excluded.content where handover_report.frozen_at is null""")
			.params(term.id().value(), handover.id().value(), handover.toTermId().value(), Timestamp.from(now),
					json.writeValueAsString(report))
			.update();
		if (frozen > 0) {
			events.publishEvent(new DiaryEvents.ReportFrozen(term.id(), term.villageId(), term.weekStart(), now));
		}
	}

	/**
	 * The next team's lead acknowledges the report, and with it the cases handed over.
	 * @throws DiaryRuleException when it has not been handed over yet, or was
	 * acknowledged
	 * @throws DiaryAccessDeniedException when the person is not the next team's lead
	 */
	@Transactional
	public void acknowledge(AccountPrincipal me, TermId termId, Instant now) {
		Status status = status(termId);
		if (!status.handedOver() || status.toTermId() == null || status.handoverId() == null) {
			throw new DiaryRuleException("diary.report.notHandedOver");
		}
		Term next = term(status.toTermId());
		if (!access.leads(me, next)) {
			throw new DiaryAccessDeniedException("acknowledgement of report " + termId);
		}
		int changed = jdbc.sql("""
				update handover_report set acknowledged_at = ?, acknowledged_by_member = ?, acknowledged_by = ?
				where term_id = ? and acknowledged_at is null""")
			.params(Timestamp.from(now), Ids.value(me.memberId()), me.displayName(), termId.value())
			.update();
		if (changed == 0) {
			throw new DiaryRuleException("diary.report.alreadyAcknowledged");
		}
		Handover handover = handovers.handover(status.handoverId()).orElseThrow();
		if (!handover.acknowledged()) {
			handovers.acknowledge(handover.id(), me, now);
		}
	}

	/** Handed-over reports waiting for the member's acknowledgement as the next lead. */
	@Transactional(readOnly = true)
	public List<Waiting> waitingFor(MemberId memberId, LocalDate today) {
		List<Waiting> waiting = new ArrayList<>();
		for (Term mine : terms.allOfMember(memberId)) {
			if (!mine.leadId().equals(memberId) || mine.weekEnd().isBefore(today.minusWeeks(1))) {
				continue;
			}
			jdbc.sql("""
					select term_id from handover_report where to_term_id = ? and frozen_at is not null
					  and acknowledged_at is null order by term_id""")
				.param(mine.id().value())
				.query(Long.class)
				.list()
				.stream()
				.map(TermId::of)
				.forEach((termId) -> lookup.term(termId)
					.ifPresent((from) -> waiting.add(new Waiting(termId, villageName(from.villageId()), from.week()))));
		}
		return waiting;
	}

	private Optional<HandoverReport> reportOf(TermId termId) {
		return jdbc.sql("select content::text from handover_report where term_id = ? and content is not null")
			.param(termId.value())
			.query(String.class)
			.optional()
			.map((content) -> json.readValue(content, HandoverReport.class));
	}

	private Term writable(AccountPrincipal me, TermId termId) {
		Term term = term(termId);
		if (!access.onTeam(me, term)) {
			throw new DiaryAccessDeniedException("report of term " + termId);
		}
		if (status(termId).handedOver()) {
			throw new DiaryRuleException("diary.report.alreadyHandedOver");
		}
		return term;
	}

	private Term term(TermId termId) {
		return lookup.term(termId).orElseThrow(() -> new DiaryNotFoundException("term " + termId));
	}

	// ---- generating -----------------------------------------------------------------

	/** The cases of a term: heard in it, handed to it, held by it, or handed on by it. */
	private List<Case> termCases(Term term) {
		Map<CaseId, Case> all = new LinkedHashMap<>();
		cases.ofTerm(term.id()).forEach((c) -> all.put(c.id(), c));
		List<CaseId> more = new ArrayList<>();
		handovers.handoversTo(term.id()).forEach((h) -> h.items().forEach((i) -> more.add(i.caseId())));
		handovers.handoverFrom(term.id()).ifPresent((h) -> h.items().forEach((i) -> more.add(i.caseId())));
		more.removeIf(all::containsKey);
		cases.byIds(more.stream().distinct().toList()).forEach((c) -> all.put(c.id(), c));
		return new ArrayList<>(all.values());
	}

	HandoverReport generate(Term term, @Nullable String notes, Instant now) {
		Village village = places.village(term.villageId()).orElseThrow();
		String township = places.township(village.townshipId()).map((t) -> t.name()).orElse("");
		Instant start = DiaryRules.startOf(term.weekStart(), zone);
		Instant end = DiaryRules.startOf(term.weekEnd().plusDays(1), zone);
		List<Case> all = termCases(term);
		Map<CaseId, String> steps = new HashMap<>();
		jdbc.sql("select case_id, text from handover_next_step where term_id = ?")
			.param(term.id().value())
			.query((rs) -> {
				steps.put(CaseId.of(rs.getLong("case_id")), rs.getString("text"));
			});

		List<Item> received = new ArrayList<>();
		List<Item> inherited = new ArrayList<>();
		List<Item> solved = new ArrayList<>();
		List<Item> other = new ArrayList<>();
		List<Item> open = new ArrayList<>();
		List<Funding> funding = new ArrayList<>();
		for (Case c : all) {
			List<CaseEvent> events = cases.events(c.id());
			boolean solvedHere = solvedIn(c, start, end);
			String written = steps.get(c.id());
			String step = (written != null) ? written : latestNote(events);
			// the report is a document kept as it was handed over: its ids are numbers
			Item item = new Item(c.id().value(), c.reference(), c.title(), c.category(), c.source(), c.state(),
					(c.assignee() != null) ? c.assignee().name() : null, c.progress(), c.receivedAt(),
					c.resolutionDue(), c.resolvedAt(), c.result(), c.escalationLevel(), c.isOverdue(now), step,
					written != null);
			if (term.id().equals(c.receivedTermId())) {
				received.add(item);
			}
			else {
				// handed over by the previous team, or held for this team since before it
				// came
				inherited.add(item);
			}
			if (solvedHere) {
				solved.add(item);
			}
			else if (c.state() == CaseState.DECLINED || c.state() == CaseState.MERGED) {
				other.add(item);
			}
			else if (c.state().isOpen()) {
				open.add(item);
			}
			for (CaseEvent e : events) {
				if (e.kind() == CaseEvent.Kind.FUNDING_APPROVED && !e.at().isBefore(start) && e.at().isBefore(end)) {
					funding.add(new Funding(c.reference(), c.title(), new BigDecimal(String.valueOf(e.get("amount"))),
							stringOrNull(e.get("source")), stringOrNull(e.get("approvedBy")), e.at()));
				}
			}
		}
		open.sort(Comparator.comparing(Item::resolutionDue));
		BigDecimal total = funding.stream().map(Funding::amount).reduce(BigDecimal.ZERO, BigDecimal::add);

		Term next = handovers.nextTerm(term).orElse(null);
		List<MeetingLine> meetingLines = meetings.ofTerm(term.id())
			.stream()
			.map((m) -> new MeetingLine(m.id().value(), m.day(), m.place(), m.attendees(), m.caseIds().size()))
			.toList();
		List<InspectionLine> inspectionLines = inspections.ofTerm(term.id())
			.stream()
			.map((i) -> new InspectionLine(i.id().value(), i.day(), i.route(), i.officials(), i.findings().size(),
					i.caseIds().size()))
			.toList();
		Map<MemberId, String> names = new HashMap<>();
		members.members(term.memberIds()).forEach((m) -> names.put(m.id(), m.name()));
		List<DiaryEntry> entries = diaries.ofTerm(term.id());
		LocalDate today = LocalDate.ofInstant(now, zone);
		int expected = 0;
		for (LocalDate day = term.weekStart(); !day.isAfter(term.weekEnd())
				&& !day.isAfter(today); day = day.plusDays(1)) {
			if (properties.expected(day.getDayOfWeek())) {
				expected++;
			}
		}
		List<DiaryLine> diaryLines = new ArrayList<>();
		List<PlanLine> plans = new ArrayList<>();
		for (MemberId memberId : term.memberIds()) {
			List<DiaryEntry> own = entries.stream()
				.filter((e) -> e.memberId().equals(memberId) && e.written())
				.toList();
			int households = own.stream().mapToInt((e) -> (e.households() != null) ? e.households() : 0).sum();
			String name = names.getOrDefault(memberId, "");
			diaryLines.add(new DiaryLine(memberId.value(), name, own.size(), expected, households));
			own.stream()
				.filter((e) -> e.plan() != null)
				.max(Comparator.comparing(DiaryEntry::day))
				.ifPresent((e) -> plans.add(new PlanLine(name, e.day(), e.plan())));
		}
		return new HandoverReport(term.id().value(), village.id().value(), village.name(), township, term.weekStart(),
				term.weekEnd(), term.week(), people(term), (next != null) ? next.id().value() : null,
				(next != null) ? next.week() : null, (next != null) ? people(next) : List.of(), received, inherited,
				solved, other, open, funding, total, meetingLines, inspectionLines, diaryLines, plans, notes, now);
	}

	/** Resolved (or closed after its callback) within the term. */
	private static boolean solvedIn(Case c, Instant start, Instant end) {
		Instant resolved = c.resolvedAt();
		return (c.state() == CaseState.RESOLVED || c.state() == CaseState.CLOSED) && resolved != null
				&& !resolved.isBefore(start) && resolved.isBefore(end);
	}

	private List<Person> people(Term term) {
		Map<MemberId, String> names = new HashMap<>();
		members.members(term.memberIds()).forEach((Member m) -> names.put(m.id(), m.name()));
		return term.memberIds()
			.stream()
			.map((id) -> new Person(id.value(), names.getOrDefault(id, ""), id.equals(term.leadId())))
			.toList();
	}

	private static @Nullable String latestNote(List<CaseEvent> events) {
		String note = null;
		for (CaseEvent e : events) {
			if (e.kind() == CaseEvent.Kind.NOTE && e.get("text") != null) {
				note = String.valueOf(e.get("text"));
			}
		}
		return note;
	}

	private String villageName(VillageId villageId) {
		return places.village(villageId).map(Village::name).orElse("");
	}

	private static @Nullable String stringOrNull(@Nullable Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
