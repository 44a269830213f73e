package org.oneweek.roster;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import org.oneweek.people.MemberId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records terms and troubleshooter duties, refusing those that break the roster's hard
 * rules: a team is three different members with one lead, and nobody serves twice in one
 * week.
 */
@Service
public class RosterManagement {

	private final JdbcClient jdbc;

	private final Terms terms;

	RosterManagement(JdbcClient jdbc, Terms terms) {
		this.jdbc = jdbc;
		this.terms = terms;
	}

	@Transactional
	public TermId createTerm(VillageId villageId, LocalDate weekStart, List<MemberId> memberIds, MemberId leadId) {
		terms.changed();
		requireMonday(weekStart);
		if (memberIds.size() != 3 || new HashSet<>(memberIds).size() != 3) {
			throw new RosterConflictException("roster.team.threeDifferent");
		}
		if (!memberIds.contains(leadId)) {
			throw new RosterConflictException("roster.team.leadInTeam");
		}
		for (MemberId memberId : memberIds) {
			requireFree(memberId, weekStart);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into term (village_id, week_start) values (?, ?) on conflict do nothing")
			.params(villageId.value(), weekStart)
			.update(keys, "id");
		if (keys.getKeyList().isEmpty()) {
			throw new RosterConflictException("roster.term.exists");
		}
		TermId termId = TermId.of(keys.getKeyAs(Long.class));
		for (MemberId memberId : memberIds) {
			jdbc.sql("insert into term_member (term_id, member_id, lead) values (?, ?, ?)")
				.params(termId.value(), memberId.value(), memberId.equals(leadId))
				.update();
		}
		return termId;
	}

	@Transactional
	public long assignTroubleshooter(TownshipId townshipId, LocalDate weekStart, MemberId memberId) {
		terms.changed();
		requireMonday(weekStart);
		requireFree(memberId, weekStart);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into troubleshooter_duty (township_id, week_start, member_id) values (?, ?, ?) "
				+ "on conflict do nothing")
			.params(townshipId.value(), weekStart, memberId.value())
			.update(keys, "id");
		if (keys.getKeyList().isEmpty()) {
			throw new RosterConflictException("roster.duty.exists");
		}
		return keys.getKeyAs(Long.class);
	}

	private void requireFree(MemberId memberId, LocalDate weekStart) {
		// one advisory lock per member and week, so two concurrent assignments cannot
		// both pass
		jdbc.sql("select pg_advisory_xact_lock(?, ?)")
			.params((int) memberId.value(), (int) weekStart.toEpochDay())
			.query()
			.singleRow();
		boolean busy = jdbc.sql("""
				select exists (select 1 from term t join term_member tm on tm.term_id = t.id
				               where tm.member_id = :m and t.week_start = :w)
				    or exists (select 1 from troubleshooter_duty where member_id = :m and week_start = :w)""")
			.param("m", memberId.value())
			.param("w", weekStart)
			.query(Boolean.class)
			.single();
		if (busy) {
			throw new RosterConflictException("roster.member.busy");
		}
	}

	private static void requireMonday(LocalDate weekStart) {
		if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
			throw new RosterConflictException("roster.week.monday");
		}
	}

}
