package org.oneweek.roster.internal;

import java.time.LocalDate;
import java.util.List;

import org.oneweek.platform.Weeks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weeks members would like to serve in; the planner honours them where it can.
 */
@Component
public class Preferences {

	/** How far ahead a member may state a wish. */
	public static final int MAX_WEEKS_AHEAD = 53;

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<LocalDate> upcoming(long memberId, LocalDate today) {
		return jdbc
			.sql("select week_start from roster_preference where member_id = ? and week_start >= ? "
					+ "order by week_start")
			.params(memberId, Weeks.mondayOf(today))
			.query(LocalDate.class)
			.list();
	}

	/**
	 * @return false when the week is past or too far ahead
	 */
	@Transactional
	public boolean add(long memberId, LocalDate date, LocalDate today) {
		LocalDate week = Weeks.mondayOf(date);
		if (week.isBefore(Weeks.mondayOf(today)) || week.isAfter(today.plusWeeks(MAX_WEEKS_AHEAD))) {
			return false;
		}
		jdbc.sql("insert into roster_preference (member_id, week_start) values (?, ?) on conflict do nothing")
			.params(memberId, week)
			.update();
		return true;
	}

	@Transactional
	public void remove(long memberId, LocalDate date) {
		jdbc.sql("delete from roster_preference where member_id = ? and week_start = ?")
			.params(memberId, Weeks.mondayOf(date))
			.update();
	}

}
