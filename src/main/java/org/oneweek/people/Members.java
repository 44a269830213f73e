package org.oneweek.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.PhoneNumbers;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads members and their unavailable dates.
 */
@Service
@Transactional(readOnly = true)
public class Members {

	static final RowMapper<Member> MEMBER = (rs, n) -> new Member(MemberId.of(rs.getLong("id")), rs.getString("name"),
			Member.Gender.valueOf(rs.getString("gender")), rs.getInt("birth_year"), rs.getBoolean("retired"),
			rs.getString("phone"), Ids.nullable(rs.getObject("home_township_id", Long.class), TownshipId::of),
			Ids.nullable(rs.getObject("home_village_id", Long.class), VillageId::of), rs.getString("skills"),
			rs.getString("notes"), rs.getBoolean("active"));

	static final RowMapper<Unavailability> UNAVAILABILITY = (rs, n) -> new Unavailability(rs.getLong("id"),
			MemberId.of(rs.getLong("member_id")), rs.getObject("from_date", LocalDate.class),
			rs.getObject("to_date", LocalDate.class), rs.getString("reason"));

	private final JdbcClient jdbc;

	Members(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Member> all() {
		return jdbc.sql("select * from member order by active desc, name, id").query(MEMBER).list();
	}

	/**
	 * Members whose name or phone contains the text; a phone also by its digits, so that
	 * {@code 139 2500} finds {@code 13925001013} and {@code 025-8540} finds
	 * {@code 025-85401101} whichever way the row was typed.
	 */
	public List<Member> search(String text) {
		String pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		String digits = PhoneNumbers.key(text.strip());
		String digitsPattern = (digits.length() >= 3) ? "%" + digits + "%" : "";
		return jdbc
			.sql("select * from member where name like ? or phone like ? or " + PhoneNumbers.SQL_KEY
					+ " like ? order by active desc, name, id")
			.params(pattern, pattern, digitsPattern)
			.query(MEMBER)
			.list();
	}

	public Optional<Member> member(MemberId id) {
		return jdbc.sql("select * from member where id = ?").param(id.value()).query(MEMBER).optional();
	}

	public List<Member> members(Collection<MemberId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		// one array, not a parameter per id: a province's 60,000 members are one query
		return jdbc.sql("select * from member where id = any(:ids) order by name")
			.param("ids", Ids.values(ids).toArray(Long[]::new))
			.query(MEMBER)
			.list();
	}

	public long count() {
		return jdbc.sql("select count(*) from member where active").query(Long.class).single();
	}

	/**
	 * Every member's unavailable dates that overlap the days from {@code from} to
	 * {@code to}, inclusive: one read for a planner that needs everybody's.
	 */
	public List<Unavailability> unavailableBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select * from member_unavailability where to_date >= ? and from_date <= ?
				order by member_id, from_date""").params(from, to).query(UNAVAILABILITY).list();
	}

	public List<Unavailability> unavailability(MemberId memberId) {
		return jdbc.sql("select * from member_unavailability where member_id = ? order by from_date")
			.param(memberId.value())
			.query(UNAVAILABILITY)
			.list();
	}

}
