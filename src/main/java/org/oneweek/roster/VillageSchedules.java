package org.oneweek.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.Places;
import org.oneweek.places.VillageId;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.Weeks;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization department's decisions on which villages need a team in which weeks.
 * Changing a schedule does not change terms already planned or published.
 */
@Service
public class VillageSchedules {

	static final RowMapper<VillageSchedule> SCHEDULE = (rs, n) -> new VillageSchedule(rs.getLong("id"),
			VillageId.of(rs.getLong("village_id")), rs.getObject("first_week", LocalDate.class),
			rs.getObject("last_week", LocalDate.class), rs.getInt("every_weeks"));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Places places;

	VillageSchedules(JdbcClient jdbc, AuditLog audit, Places places) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.places = places;
	}

	@Transactional(readOnly = true)
	public List<VillageSchedule> all() {
		return jdbc.sql("select * from village_schedule order by village_id, first_week, id").query(SCHEDULE).list();
	}

	@Transactional(readOnly = true)
	public List<VillageSchedule> ofVillage(VillageId villageId) {
		return jdbc.sql("select * from village_schedule where village_id = ? order by first_week, id")
			.param(villageId.value())
			.query(SCHEDULE)
			.list();
	}

	/**
	 * Adds a schedule; the dates may be any day of their weeks.
	 * @throws RosterConflictException when the dates are out of order, the interval out
	 * of range or the village unknown
	 */
	@Transactional
	public long create(VillageId villageId, LocalDate first, @Nullable LocalDate last, int everyWeeks, String actor) {
		LocalDate firstWeek = Weeks.mondayOf(first);
		LocalDate lastWeek = (last != null) ? Weeks.mondayOf(last) : null;
		if (lastWeek != null && lastWeek.isBefore(firstWeek)) {
			throw new RosterConflictException("roster.schedule.order");
		}
		if (everyWeeks < 1 || everyWeeks > VillageSchedule.MAX_EVERY_WEEKS) {
			throw new RosterConflictException("roster.schedule.every");
		}
		if (places.village(villageId).isEmpty()) {
			throw new RosterConflictException("roster.schedule.village");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into village_schedule (village_id, first_week, last_week, every_weeks, created_by)
				values (?, ?, ?, ?, ?)""")
			.params(villageId.value(), firstWeek, lastWeek, everyWeeks, actor)
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("village_schedule", id, "create", actor, null, Map.of("villageId", villageId.value(), "firstWeek",
				firstWeek.toString(), "lastWeek", String.valueOf(lastWeek), "everyWeeks", everyWeeks));
		return id;
	}

	@Transactional
	public void remove(long id, String actor) {
		VillageSchedule before = jdbc.sql("select * from village_schedule where id = ?")
			.param(id)
			.query(SCHEDULE)
			.optional()
			.orElse(null);
		if (before == null) {
			return;
		}
		jdbc.sql("delete from village_schedule where id = ?").param(id).update();
		audit.record("village_schedule", id, "delete", actor, Map.of("villageId", before.villageId().value(),
				"firstWeek", before.firstWeek().toString(), "everyWeeks", before.everyWeeks()), null);
	}

}
