package org.oneweek.roster;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices a member has about changes to the published roster, until they dismiss
 * them.
 */
@Service
public class RosterNotices {

	private final JdbcClient jdbc;

	RosterNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<RosterNotice> open(long memberId) {
		return jdbc.sql("""
				select n.id, c.kind, c.week_start, c.duty_id is not null as troubleshooter,
				       coalesce(v.name, t.name) as place, a.name as added, r.name as removed,
				       c.added_member_id, c.removed_member_id, c.at
				from roster_notice n join roster_change c on c.id = n.change_id
				left join village v on v.id = c.village_id
				left join township t on t.id = c.township_id
				left join member a on a.id = c.added_member_id
				left join member r on r.id = c.removed_member_id
				where n.member_id = ? and n.dismissed_at is null
				order by c.at desc, n.id desc limit 20""").param(memberId).query((rs, n) -> {
			long added = rs.getLong("added_member_id");
			long removed = rs.getLong("removed_member_id");
			RosterNotice.Kind kind = RosterNotice.Kind.valueOf(rs.getString("kind"));
			RosterNotice.Concern concern = switch (kind) {
				case PUBLISHED -> RosterNotice.Concern.ADDED;
				case REPLACED -> (added == memberId) ? RosterNotice.Concern.ADDED
						: (removed == memberId) ? RosterNotice.Concern.REMOVED : RosterNotice.Concern.TEAM;
				case LEAD -> (added == memberId) ? RosterNotice.Concern.ADDED : RosterNotice.Concern.TEAM;
			};
			return new RosterNotice(rs.getLong("id"), kind, rs.getObject("week_start", LocalDate.class),
					rs.getString("place"), rs.getBoolean("troubleshooter"), rs.getString("added"),
					rs.getString("removed"), concern, rs.getTimestamp("at").toInstant());
		}).list();
	}

	@Transactional
	public void dismiss(long memberId, long noticeId) {
		jdbc.sql("update roster_notice set dismissed_at = ? where id = ? and member_id = ? and dismissed_at is null")
			.params(new Timestamp(System.currentTimeMillis()), noticeId, memberId)
			.update();
	}

	@Transactional
	public void dismissAll(long memberId) {
		jdbc.sql("update roster_notice set dismissed_at = ? where member_id = ? and dismissed_at is null")
			.params(new Timestamp(System.currentTimeMillis()), memberId)
			.update();
	}

}
