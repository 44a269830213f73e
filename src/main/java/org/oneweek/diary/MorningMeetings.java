package org.oneweek.diary;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.Cases;
import org.oneweek.diary.internal.TermLookup;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * Morning meetings as records of their own. A case recorded from the meeting's page
 * carries the meeting's id and is linked to it as it is recorded; a meeting written down
 * after its problems were recorded gathers the village's morning-meeting cases of that
 * day that no meeting holds yet; others are linked by number.
 */
@Service
public class MorningMeetings {

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseAccess caseAccess;

	private final TermLookup lookup;

	private final DiaryAccess access;

	private final TeamDays days;

	MorningMeetings(JdbcClient jdbc, Cases cases, CaseAccess caseAccess, TermLookup lookup, DiaryAccess access,
			TeamDays days) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.caseAccess = caseAccess;
		this.lookup = lookup;
		this.access = access;
		this.days = days;
	}

	/**
	 * A team member records the meeting of a day of their term.
	 * @throws DiaryAccessDeniedException when they do not serve that day
	 * @throws DiaryRuleException when the day has not come or is past recording
	 */
	@Transactional
	public MeetingId record(RecordMeeting meeting, AccountPrincipal me, Instant now) {
		return record(meeting, null, me, now);
	}

	/**
	 * As {@link #record(RecordMeeting, AccountPrincipal, Instant)}, once per key: the
	 * same form sent again by the same person (a double tap, the phone's outbox sending
	 * again after a lost answer) answers the meeting the first sending recorded.
	 * @param idempotencyKey made when the form was shown, or on the phone; none records
	 * every time
	 */
	@Transactional
	public MeetingId record(RecordMeeting meeting, @Nullable String idempotencyKey, AccountPrincipal me, Instant now) {
		LocalDate day = meeting.day();
		Term term = days.termOf(me, day);
		days.requireOpen(day, now, "diary.dayClosed");
		String key = SubmissionKeys.of(idempotencyKey);
		Optional<Long> inserted = jdbc.sql("""
				insert into morning_meeting (term_id, village_id, day, place, attendees, groups, notes, recorded_by,
				  recorded_by_name, recorded_at, idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (recorded_by, idempotency_key) where idempotency_key is not null do nothing
				returning id""")
			.params(term.id().value(), term.villageId().value(), day, blankToNull(meeting.place()), meeting.attendees(),
					blankToNull(meeting.groups()), blankToNull(meeting.notes()), me.accountId().value(),
					me.displayName(), Timestamp.from(now), key)
			.query(Long.class)
			.optional();
		if (inserted.isEmpty()) {
			// sent before: the row is there (the statement waited for the first to
			// commit)
			return MeetingId.of(jdbc.sql("select id from morning_meeting where recorded_by = ? and idempotency_key = ?")
				.params(me.accountId().value(), key)
				.query(Long.class)
				.single());
		}
		MeetingId id = MeetingId.of(inserted.get());
		for (MemberId memberId : TeamDays.present(term, meeting.memberIds(), me.memberId())) {
			jdbc.sql("insert into morning_meeting_member (meeting_id, member_id) values (?, ?)")
				.params(id.value(), memberId.value())
				.update();
		}
		// the problems already recorded at this morning's meeting belong to it
		for (Case c : cases.receivedInVillage(term.villageId(), DiaryRules.startOf(day, days.zone()),
				DiaryRules.startOf(day.plusDays(1), days.zone()))) {
			if (c.source() == CaseSource.MORNING_MEETING && linkedMeeting(c.id()).isEmpty()) {
				link(id, c.id(), now);
			}
		}
		return id;
	}

	/**
	 * Links a case just recorded at a morning meeting, with the meeting's id, to that
	 * meeting if it is the case's village's (an id of another village's meeting links
	 * nothing). One statement, in the transaction that recorded the case.
	 */
	@Transactional
	public void linkRecordedCase(MeetingId meetingId, CaseId caseId, VillageId villageId, Instant receivedAt) {
		jdbc.sql("""
				insert into morning_meeting_case (meeting_id, case_id, linked_at)
				select id, ?, ? from morning_meeting where id = ? and village_id = ?
				on conflict do nothing""")
			.params(caseId.value(), Timestamp.from(receivedAt), meetingId.value(), villageId.value())
			.update();
	}

	/**
	 * Links a case of the village to the meeting by its number.
	 * @throws DiaryRuleException when there is no such case or it is another village's
	 */
	@Transactional
	public Case linkCase(MeetingId meetingId, String reference, AccountPrincipal me, Instant now) {
		MorningMeeting meeting = writable(meetingId, me, now);
		Case c = cases.byReference(reference.strip())
			.orElseThrow(() -> new DiaryRuleException("diary.case.unknown", reference.strip()));
		if (!c.villageId().equals(meeting.villageId()) || !caseAccess.permission(me, c, meeting.day()).canRead()) {
			throw new DiaryRuleException("diary.case.otherVillage", c.reference());
		}
		link(meetingId, c.id(), now);
		return c;
	}

	@Transactional
	public void unlinkCase(MeetingId meetingId, CaseId caseId, AccountPrincipal me, Instant now) {
		writable(meetingId, me, now);
		jdbc.sql("delete from morning_meeting_case where meeting_id = ? and case_id = ?")
			.params(meetingId.value(), caseId.value())
			.update();
	}

	/**
	 * The meeting, if the person may read it.
	 * @throws DiaryNotFoundException when there is no such meeting
	 * @throws DiaryAccessDeniedException when they may not read it
	 */
	@Transactional(readOnly = true)
	public MorningMeeting readable(MeetingId meetingId, AccountPrincipal me) {
		MorningMeeting meeting = meeting(meetingId).orElseThrow(() -> new DiaryNotFoundException("meeting"));
		Term term = lookup.term(meeting.termId()).orElseThrow(() -> new DiaryNotFoundException("term"));
		if (!access.canRead(me, term)) {
			throw new DiaryAccessDeniedException("meeting " + meetingId);
		}
		return meeting;
	}

	/**
	 * Whether the person may still change the meeting (a team member, while it is open).
	 */
	@Transactional(readOnly = true)
	public boolean canChange(MorningMeeting meeting, AccountPrincipal me, Instant now) {
		return lookup.term(meeting.termId()).filter((t) -> access.onTeam(me, t)).isPresent()
				&& DiaryRules.isOpen(meeting.day(), now, days.zone());
	}

	private MorningMeeting writable(MeetingId meetingId, AccountPrincipal me, Instant now) {
		MorningMeeting meeting = meeting(meetingId).orElseThrow(() -> new DiaryNotFoundException("meeting"));
		Term term = lookup.term(meeting.termId()).orElseThrow(() -> new DiaryNotFoundException("term"));
		if (!access.onTeam(me, term)) {
			throw new DiaryAccessDeniedException("meeting " + meetingId);
		}
		days.requireOpen(meeting.day(), now, "diary.dayClosed");
		return meeting;
	}

	@Transactional(readOnly = true)
	public Optional<MorningMeeting> meeting(MeetingId id) {
		return jdbc.sql("select * from morning_meeting where id = ?").param(id.value()).query(this::map).optional();
	}

	@Transactional(readOnly = true)
	public List<MorningMeeting> ofTerm(TermId termId) {
		return jdbc.sql("select * from morning_meeting where term_id = ? order by day, id")
			.param(termId.value())
			.query(this::map)
			.list();
	}

	@Transactional(readOnly = true)
	public List<MorningMeeting> ofTermOn(TermId termId, LocalDate day) {
		return jdbc.sql("select * from morning_meeting where term_id = ? and day = ? order by id")
			.params(termId.value(), day)
			.query(this::map)
			.list();
	}

	private Optional<Long> linkedMeeting(CaseId caseId) {
		return jdbc.sql("select meeting_id from morning_meeting_case where case_id = ? limit 1")
			.param(caseId.value())
			.query(Long.class)
			.optional();
	}

	private void link(MeetingId meetingId, CaseId caseId, Instant at) {
		jdbc.sql("""
				insert into morning_meeting_case (meeting_id, case_id, linked_at) values (?, ?, ?)
				on conflict do nothing""").params(meetingId.value(), caseId.value(), Timestamp.from(at)).update();
	}

	private MorningMeeting map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long id = rs.getLong("id");
		return new MorningMeeting(MeetingId.of(id), TermId.of(rs.getLong("term_id")),
				VillageId.of(rs.getLong("village_id")), rs.getObject("day", LocalDate.class), rs.getString("place"),
				rs.getObject("attendees", Integer.class), rs.getString("groups"), rs.getString("notes"),
				Ids.all(ids("select member_id from morning_meeting_member where meeting_id = ? order by member_id", id),
						MemberId::of),
				Ids.all(ids("select case_id from morning_meeting_case where meeting_id = ? order by case_id", id),
						CaseId::of),
				rs.getString("recorded_by_name"), rs.getTimestamp("recorded_at").toInstant());
	}

	private List<Long> ids(String sql, long id) {
		return jdbc.sql(sql).param(id).query(Long.class).list();
	}

}
