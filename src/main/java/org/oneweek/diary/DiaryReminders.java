package org.oneweek.diary;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.oneweek.people.MemberId;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * At the evening hour, a secretary whose diary of the day is still empty gets a notice on
 * their home page. Safe with several instances on one database: the notice's row is the
 * claim, inserted once per member and day whoever runs the job.
 */
@Service
public class DiaryReminders {

	private final JdbcClient jdbc;

	private final Terms terms;

	private final DiaryProperties properties;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	DiaryReminders(JdbcClient jdbc, Terms terms, DiaryProperties properties, TeamDays days,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.terms = terms;
		this.properties = properties;
		this.zone = days.zone();
	}

	/**
	 * Flags the missing diaries of the day of {@code now}, if the evening hour has come.
	 * @return how many notices this call made (another instance may have made others)
	 */
	@Transactional
	public int run(Instant now) {
		ZonedDateTime local = now.atZone(zone);
		LocalDate today = local.toLocalDate();
		if (local.getHour() < properties.reminderHour() || !properties.expected(today.getDayOfWeek())) {
			return 0;
		}
		int made = 0;
		for (Term term : terms.inWeek(today)) {
			for (MemberId member : term.memberIds()) {
				long memberId = member.value();
				int inserted = jdbc.sql("""
						insert into diary_notice (member_id, day, kind, created_at)
						select ?, ?, 'MISSING', ? where not exists (
						  select 1 from diary_entry where member_id = ? and day = ? and written)
						on conflict do nothing""")
					.params(memberId, today, Timestamp.from(now), memberId, today)
					.update();
				if (inserted > 0) {
					// once per member and day, whichever instance inserted the row
					events.publishEvent(new DiaryEvents.DiaryMissing(member, today));
				}
				made += inserted;
			}
		}
		return made;
	}

	/**
	 * The days of which the member was reminded and whose diary is still empty but open.
	 */
	@Transactional(readOnly = true)
	public List<LocalDate> pending(MemberId memberId, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		return jdbc.sql("""
				select n.day from diary_notice n where n.member_id = ? and n.kind = 'MISSING' and n.day >= ?
				  and not exists (select 1 from diary_entry e where e.member_id = n.member_id and e.day = n.day
				                  and e.written)
				order by n.day""").params(memberId.value(), today.minusDays(1)).query(LocalDate.class).list();
	}

	public int reminderHour() {
		return properties.reminderHour();
	}

}
