package org.oneweek.diary;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * The secretaries' diaries: written on the day or the next (saved as the person types, so
 * nothing is lost), then closed; after that only dated amendments. The cases a secretary
 * recorded that day, and those raised at the meetings and found on the inspections they
 * attended, are linked to the day's diary without being asked; others can be added.
 */
@Service
public class Diaries {

	static final RowMapper<DiaryEntry> ENTRY = (rs, n) -> new DiaryEntry(rs.getLong("id"),
			MemberId.of(rs.getLong("member_id")), rs.getObject("day", LocalDate.class),
			TermId.of(rs.getLong("term_id")), rs.getString("places"), rs.getObject("households", Integer.class),
			rs.getString("household_notes"), rs.getString("heard"), rs.getString("done"), rs.getString("reflections"),
			rs.getString("plan"), rs.getBoolean("written"), rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("closes_at").toInstant());

	private final JdbcClient jdbc;

	private final Terms terms;

	private final Cases cases;

	private final CaseAccess caseAccess;

	private final DiaryAccess access;

	private final MorningMeetings meetings;

	private final Inspections inspections;

	private final TeamDays days;

	private final DiaryProperties properties;

	private final ZoneId zone;

	Diaries(JdbcClient jdbc, Terms terms, Cases cases, CaseAccess caseAccess, DiaryAccess access,
			MorningMeetings meetings, Inspections inspections, TeamDays days, DiaryProperties properties) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.terms = terms;
		this.cases = cases;
		this.caseAccess = caseAccess;
		this.access = access;
		this.meetings = meetings;
		this.inspections = inspections;
		this.days = days;
		this.zone = days.zone();
	}

	// ---- reading
	// ------------------------------------------------------------------------

	/**
	 * The signed-in secretary's own diary of a day of their term.
	 * @throws DiaryAccessDeniedException when they do not serve on a team that day
	 */
	@Transactional(readOnly = true)
	public DiaryDay own(AccountPrincipal me, LocalDate day, Instant now) {
		Term term = days.termOf(me, day);
		return view(term, me.memberId(), day, now);
	}

	/**
	 * A member's diary of a day, read by someone entitled to.
	 * @throws DiaryNotFoundException when the member served on no team that day
	 * @throws DiaryAccessDeniedException when the person may not read it
	 */
	@Transactional(readOnly = true)
	public DiaryDay read(AccountPrincipal reader, MemberId memberId, LocalDate day, Instant now) {
		Term term = terms.ofMember(memberId, day).orElseThrow(() -> new DiaryNotFoundException("diary"));
		if (!access.canRead(reader, term)) {
			throw new DiaryAccessDeniedException("diary of member " + memberId + " on " + day);
		}
		return view(term, memberId, day, now);
	}

	@Transactional(readOnly = true)
	public Optional<DiaryEntry> entry(MemberId memberId, LocalDate day) {
		return jdbc.sql("select * from diary_entry where member_id = ? and day = ?")
			.params(memberId.value(), day)
			.query(ENTRY)
			.optional();
	}

	/** The diaries of a term, by member and day. */
	@Transactional(readOnly = true)
	public List<DiaryEntry> ofTerm(TermId termId) {
		return jdbc.sql("select * from diary_entry where term_id = ? order by day, member_id")
			.param(termId.value())
			.query(ENTRY)
			.list();
	}

	/** Where each member's diary of each day of the term stands. */
	@Transactional(readOnly = true)
	public Map<MemberId, Map<LocalDate, DayStatus>> statuses(Term term, Instant now) {
		Set<String> written = new java.util.HashSet<>();
		for (DiaryEntry entry : ofTerm(term.id())) {
			if (entry.written()) {
				written.add(entry.memberId() + "/" + entry.day());
			}
		}
		Map<MemberId, Map<LocalDate, DayStatus>> statuses = new LinkedHashMap<>();
		for (MemberId memberId : term.memberIds()) {
			Map<LocalDate, DayStatus> week = new LinkedHashMap<>();
			for (LocalDate day = term.weekStart(); !day.isAfter(term.weekEnd()); day = day.plusDays(1)) {
				week.put(day, status(day, written.contains(memberId + "/" + day), now));
			}
			statuses.put(memberId, week);
		}
		return statuses;
	}

	@Transactional(readOnly = true)
	public List<DiaryAmendment> amendments(long entryId) {
		return jdbc.sql("select * from diary_amendment where entry_id = ? order by written_at, id")
			.param(entryId)
			.query((rs, n) -> new DiaryAmendment(rs.getLong("id"), rs.getLong("entry_id"),
					rs.getTimestamp("written_at").toInstant(), rs.getString("text"), rs.getString("author_name")))
			.list();
	}

	private DiaryDay view(Term term, @Nullable MemberId memberIdOrNull, LocalDate day, Instant now) {
		MemberId memberId = java.util.Objects.requireNonNull(memberIdOrNull);
		DiaryEntry entry = entry(memberId, day).orElse(null);
		DayStatus status = status(day, entry != null && entry.written(), now);
		List<MorningMeeting> dayMeetings = meetings.ofTermOn(term.id(), day);
		List<Inspection> dayInspections = inspections.ofTermOn(term.id(), day);
		Map<CaseId, Boolean> linked = new LinkedHashMap<>();
		if (entry != null) {
			jdbc.sql("select case_id, automatic from diary_case where entry_id = ? order by added_at, case_id")
				.param(entry.id())
				.query((rs) -> {
					linked.put(CaseId.of(rs.getLong("case_id")), rs.getBoolean("automatic"));
				});
		}
		List<Case> dayCases = cases.receivedInVillage(term.villageId(), DiaryRules.startOf(day, zone),
				DiaryRules.startOf(day.plusDays(1), zone));
		if (status.isOpen()) {
			for (CaseId caseId : automaticCaseIds(memberId, dayCases, dayMeetings, dayInspections)) {
				linked.putIfAbsent(caseId, true);
			}
		}
		Map<CaseId, Case> byId = new LinkedHashMap<>();
		cases.byIds(new ArrayList<>(linked.keySet())).forEach((c) -> byId.put(c.id(), c));
		List<LinkedCase> linkedCases = new ArrayList<>();
		linked.forEach((caseId, automatic) -> {
			Case c = byId.get(caseId);
			if (c != null) {
				linkedCases.add(new LinkedCase(c, automatic));
			}
		});
		List<Case> others = dayCases.stream().filter((c) -> !linked.containsKey(c.id())).toList();
		List<DiaryAmendment> amendments = (entry != null) ? amendments(entry.id()) : List.of();
		return new DiaryDay(term, memberId, day, entry, status, DiaryRules.closesAt(day, zone), linkedCases, others,
				dayMeetings, dayInspections, amendments);
	}

	/**
	 * Where a diary stands; an unwritten one is not missing on a day none is required.
	 */
	DayStatus status(LocalDate day, boolean written, Instant now) {
		DayStatus status = DiaryRules.status(day, written, now, zone);
		return (status == DayStatus.MISSING && !properties.expected(day.getDayOfWeek())) ? DayStatus.NOT_REQUIRED
				: status;
	}

	/**
	 * The cases a diary mentions without being asked: those the member recorded in the
	 * village that day, and those of the day's meetings and inspections they attended.
	 */
	private Set<CaseId> automaticCaseIds(MemberId memberId, List<Case> dayCases, List<MorningMeeting> dayMeetings,
			List<Inspection> dayInspections) {
		Set<CaseId> ids = new LinkedHashSet<>();
		dayCases.stream().filter((c) -> memberId.equals(c.recordedByMember())).forEach((c) -> {
			ids.add(c.id());
		});
		dayMeetings.stream().filter((m) -> m.memberIds().contains(memberId)).forEach((m) -> ids.addAll(m.caseIds()));
		dayInspections.stream().filter((i) -> i.memberIds().contains(memberId)).forEach((i) -> ids.addAll(i.caseIds()));
		return ids;
	}

	// ---- writing
	// ------------------------------------------------------------------------

	/**
	 * Saves what the secretary has written so far (as they type, or with the button). The
	 * day's cases are linked as it is saved.
	 * @throws DiaryAccessDeniedException when they do not serve on a team that day
	 * @throws DiaryRuleException when the day has not come or the diary has closed
	 */
	@Transactional
	public DiaryEntry save(AccountPrincipal me, LocalDate day, WriteDiary diary, Instant now) {
		Term term = days.termOf(me, day);
		days.requireOpen(day, now, "diary.closed");
		MemberId memberId = java.util.Objects.requireNonNull(me.memberId());
		long entryId = jdbc.sql("""
				insert into diary_entry (member_id, day, term_id, places, households, household_notes, heard, done,
				  reflections, plan, written, created_at, updated_at, closes_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (member_id, day) do update set places = excluded.places, households = excluded.households,
				  household_notes = excluded.household_notes, heard = excluded.heard, done = excluded.done,
				  reflections = excluded.reflections, plan = excluded.plan, written = excluded.written,
				  updated_at = excluded.updated_at
				returning id""")
			.params(memberId.value(), day, term.id().value(), text(diary.places()), diary.households(),
					text(diary.householdNotes()), text(diary.heard()), text(diary.done()), text(diary.reflections()),
					text(diary.plan()), diary.hasContent(), Timestamp.from(now), Timestamp.from(now),
					Timestamp.from(DiaryRules.closesAt(day, zone)))
			.query(Long.class)
			.single();
		List<Case> dayCases = cases.receivedInVillage(term.villageId(), DiaryRules.startOf(day, zone),
				DiaryRules.startOf(day.plusDays(1), zone));
		for (CaseId caseId : automaticCaseIds(memberId, dayCases, meetings.ofTermOn(term.id(), day),
				inspections.ofTermOn(term.id(), day))) {
			link(entryId, caseId, true, now);
		}
		return entry(memberId, day).orElseThrow();
	}

	/**
	 * Adds a case of the village to the diary, by its number.
	 * @throws DiaryRuleException when there is no such case, it is another village's, or
	 * the diary has closed
	 */
	@Transactional
	public Case addCase(AccountPrincipal me, LocalDate day, String reference, Instant now) {
		Term term = days.termOf(me, day);
		days.requireOpen(day, now, "diary.closed");
		String ref = reference.strip();
		if (ref.isEmpty()) {
			throw new DiaryRuleException("diary.case.referenceRequired");
		}
		Case c = cases.byReference(ref).orElseThrow(() -> new DiaryRuleException("diary.case.unknown", ref));
		if (!c.villageId().equals(term.villageId()) || !caseAccess.permission(me, c, day).canRead()) {
			throw new DiaryRuleException("diary.case.otherVillage", c.reference());
		}
		link(ensureEntry(me, term, day, now), c.id(), false, now);
		return c;
	}

	/**
	 * Removes a case added by hand (those of the day stay: they are what happened).
	 */
	@Transactional
	public void removeCase(AccountPrincipal me, LocalDate day, CaseId caseId, Instant now) {
		days.termOf(me, day);
		days.requireOpen(day, now, "diary.closed");
		MemberId memberId = java.util.Objects.requireNonNull(me.memberId());
		entry(memberId, day).ifPresent(
				(entry) -> jdbc.sql("delete from diary_case where entry_id = ? and case_id = ? and not automatic")
					.params(entry.id(), caseId.value())
					.update());
	}

	/**
	 * Adds a dated amendment to a closed diary (also to one that was never written: the
	 * day still counts as missing).
	 * @throws DiaryRuleException when the diary is still open (change it instead) or the
	 * text is empty
	 */
	@Transactional
	public DiaryAmendment amend(AccountPrincipal me, LocalDate day, @Nullable String text, Instant now) {
		Term term = days.termOf(me, day);
		if (now.isBefore(DiaryRules.closesAt(day, zone))) {
			throw new DiaryRuleException("diary.amend.stillOpen");
		}
		String amendment = blankToNull(text);
		if (amendment == null) {
			throw new DiaryRuleException("diary.amend.empty");
		}
		if (amendment.length() > 3000) {
			throw new DiaryRuleException("validation.tooLong");
		}
		long entryId = ensureEntry(me, term, day, now);
		long id = jdbc.sql("""
				insert into diary_amendment (entry_id, written_at, text, account_id, author_name)
				values (?, ?, ?, ?, ?) returning id""")
			.params(entryId, Timestamp.from(now), amendment, me.accountId().value(), me.displayName())
			.query(Long.class)
			.single();
		return new DiaryAmendment(id, entryId, now, amendment, me.displayName());
	}

	private long ensureEntry(AccountPrincipal me, Term term, LocalDate day, Instant now) {
		long memberId = java.util.Objects.requireNonNull(me.memberId()).value();
		jdbc.sql("""
				insert into diary_entry (member_id, day, term_id, written, created_at, updated_at, closes_at)
				values (?, ?, ?, false, ?, ?, ?) on conflict (member_id, day) do nothing""")
			.params(memberId, day, term.id().value(), Timestamp.from(now), Timestamp.from(now),
					Timestamp.from(DiaryRules.closesAt(day, zone)))
			.update();
		return jdbc.sql("select id from diary_entry where member_id = ? and day = ?")
			.params(memberId, day)
			.query(Long.class)
			.single();
	}

	private void link(long entryId, CaseId caseId, boolean automatic, Instant now) {
		jdbc.sql("""
				insert into diary_case (entry_id, case_id, automatic, added_at) values (?, ?, ?, ?)
				on conflict do nothing""").params(entryId, caseId.value(), automatic, Timestamp.from(now)).update();
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
