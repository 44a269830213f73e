package org.oneweek.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.oneweek.casework.internal.CaseFile;
import org.oneweek.casework.internal.CaseStore;
import org.oneweek.people.MemberId;
import org.oneweek.roster.Terms;
import org.oneweek.roster.TroubleshooterDuty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags overdue cases and escalates them: when a deadline passes, to the troubleshooter
 * on duty in the area (level 1); a day later, if still not met, to the organization
 * department (level 2). Each deadline escalates once per level, however many instances
 * run the job: the escalation is claimed by a unique row before anything else is written.
 */
@Service
public class Escalations {

	/** How long after a deadline the department is told. */
	public static final Duration SECOND_LEVEL_AFTER = Duration.ofHours(24);

	/** States in which nobody has contacted the villager yet, if they have not. */
	private static final Set<CaseState> WAITING_FOR_CONTACT = EnumSet.of(CaseState.RECEIVED, CaseState.ASSIGNED,
			CaseState.REOPENED);

	private static final int BATCH = 500;

	/** At most this many batches per run; the next run goes on. */
	private static final int MAX_ROUNDS = 20;

	private final JdbcClient jdbc;

	private final CaseStore store;

	private final Terms terms;

	private final ZoneId zone;

	Escalations(JdbcClient jdbc, CaseStore store, Terms terms, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.terms = terms;
		this.zone = clock.getZone();
	}

	/** One overdue deadline of one case. */
	record Overdue(CaseId caseId, String deadline, Instant due, int level) {

	}

	/**
	 * Escalates every deadline passed by {@code now}.
	 * @return how many escalations this call made (others may have been made elsewhere)
	 */
	@Transactional
	public int run(Instant now) {
		int made = 0;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			int[] batch = runBatch(now);
			made += batch[1];
			if (batch[0] < BATCH) {
				break;
			}
		}
		return made;
	}

	/** One batch: how many overdue deadlines were found, and how many escalated here. */
	private int[] runBatch(Instant now) {
		Timestamp at = Timestamp.from(now);
		Timestamp secondLevel = Timestamp.from(now.minus(SECOND_LEVEL_AFTER));
		List<Overdue> overdue = jdbc.sql("""
				with overdue as (
				  select id, 'FIRST_CONTACT' as deadline, first_contact_due as due,
				         case when first_contact_due < :second then 2 else 1 end as level
				  from case_file where state = any(:waiting) and first_contact_at is null
				    and first_contact_due < :now
				  union all
				  select id, 'RESOLUTION', resolution_due, case when resolution_due < :second then 2 else 1 end
				  from case_file where state = any(:active) and resolution_due < :now)
				select * from overdue o where not exists (select 1 from case_escalation e where e.case_id = o.id
				  and e.deadline = o.deadline and e.due = o.due and e.level = o.level)
				order by o.id limit :batch""")
			.param("now", at)
			.param("second", secondLevel)
			.param("waiting", CaseState.names(WAITING_FOR_CONTACT))
			.param("active", CaseState.names(CaseState.ACTIVE))
			.param("batch", BATCH)
			.query((rs, n) -> new Overdue(CaseId.of(rs.getLong("id")), rs.getString("deadline"),
					rs.getTimestamp("due").toInstant(), rs.getInt("level")))
			.list();
		int made = 0;
		for (Overdue o : overdue) {
			for (int level = 1; level <= o.level(); level++) {
				if (escalate(o, level, now)) {
					made++;
				}
			}
		}
		return new int[] { overdue.size(), made };
	}

	private boolean escalate(Overdue o, int level, Instant now) {
		int claimed = jdbc.sql("""
				insert into case_escalation (case_id, deadline, level, due, at) values (?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(o.caseId().value(), o.deadline(), level, Timestamp.from(o.due()), Timestamp.from(now))
			.update();
		if (claimed == 0) {
			return false;
		}
		CaseFile file = store.lock(o.caseId());
		if (!file.state().isActive()) {
			// resolved or declined since the overdue deadlines were read
			return false;
		}
		MemberId troubleshooter = null;
		if (level == 1) {
			LocalDate today = LocalDate.ofInstant(now, zone);
			troubleshooter = terms.dutyOfTownship(file.toCase().townshipId(), today)
				.map(TroubleshooterDuty::memberId)
				.orElse(null);
		}
		file.escalate(o.deadline(), level, o.due(), troubleshooter, now);
		store.save(file);
		return true;
	}

}
