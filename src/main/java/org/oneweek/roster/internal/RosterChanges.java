package org.oneweek.roster.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of changes to the published roster, for the organization department.
 */
@Service
@Transactional(readOnly = true)
public class RosterChanges {

	/** How many of the latest changes are listed. */
	public static final int LATEST = 300;

	/**
	 * A change as recorded: a term's (with its village) or a duty's (with its street),
	 * and who was taken off or put on, if anyone.
	 */
	public record RosterChange(long id, String kind, LocalDate weekStart, @Nullable Long villageId,
			@Nullable Long townshipId, boolean troubleshooter, @Nullable Long removedMemberId,
			@Nullable Long addedMemberId, String actor, Instant at) {

	}

	private final JdbcClient jdbc;

	RosterChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest changes, the most recent first. */
	public List<RosterChange> latest() {
		return jdbc.sql("select * from roster_change order by id desc limit ?")
			.param(LATEST)
			.query((rs, n) -> new RosterChange(rs.getLong("id"), rs.getString("kind"),
					rs.getObject("week_start", LocalDate.class), rs.getObject("village_id", Long.class),
					rs.getObject("township_id", Long.class), rs.getObject("duty_id") != null,
					rs.getObject("removed_member_id", Long.class), rs.getObject("added_member_id", Long.class),
					rs.getString("actor"), rs.getTimestamp("at").toInstant()))
			.list();
	}

}
