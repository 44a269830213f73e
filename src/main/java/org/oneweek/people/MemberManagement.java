package org.oneweek.people;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.Ids;
import org.oneweek.platform.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * Adds and changes members and their unavailable dates; every change goes to the audit
 * log.
 */
@Service
public class MemberManagement {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	MemberManagement(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	public MemberId create(SaveMember command, String actor) {
		requireFreePhone(command.phone(), null);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into member (name, gender, birth_year, retired, phone, home_township_id, home_village_id,
				skills, notes, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(command.name().strip(), command.gender().name(), command.birthYear(), command.retired(),
					command.phone().strip(), Ids.value(command.homeTownshipId()), Ids.value(command.homeVillageId()),
					blankToNull(command.skills()), blankToNull(command.notes()), command.active())
			.update(keys, "id");
		MemberId id = MemberId.of(keys.getKeyAs(Long.class));
		audit.record("member", id, "create", actor, null, values(member(id, command)));
		return id;
	}

	@Transactional
	public void update(MemberId id, SaveMember command, String actor) {
		Member before = jdbc.sql("select * from member where id = ? for update")
			.param(id.value())
			.query(Members.MEMBER)
			.optional()
			.orElseThrow(() -> new MemberNotFoundException(id));
		requireFreePhone(command.phone(), id);
		jdbc.sql("""
				update member set name = ?, gender = ?, birth_year = ?, retired = ?, phone = ?, home_township_id = ?,
				home_village_id = ?, skills = ?, notes = ?, active = ?, updated_at = now() where id = ?""")
			.params(command.name().strip(), command.gender().name(), command.birthYear(), command.retired(),
					command.phone().strip(), Ids.value(command.homeTownshipId()), Ids.value(command.homeVillageId()),
					blankToNull(command.skills()), blankToNull(command.notes()), command.active(), id.value())
			.update();
		audit.record("member", id, "update", actor, values(before), values(member(id, command)));
	}

	@Transactional
	public long addUnavailability(MemberId memberId, AddUnavailability command, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into member_unavailability (member_id, from_date, to_date, reason) values (?, ?, ?, ?)
				on conflict (member_id, from_date, to_date) do nothing""")
			.params(memberId.value(), command.from(), command.to(), blankToNull(command.reason()))
			.update(keys, "id");
		if (keys.getKeyList().isEmpty()) {
			// the same dates sent twice (a double tap): one record
			return jdbc
				.sql("select id from member_unavailability where member_id = ? and from_date = ? and to_date = ?")
				.params(memberId.value(), command.from(), command.to())
				.query(Long.class)
				.single();
		}
		long id = keys.getKeyAs(Long.class);
		audit.record("member_unavailability", id, "create", actor, null,
				Map.of("memberId", memberId.value(), "from", command.from().toString(), "to", command.to().toString()));
		return id;
	}

	@Transactional
	public void removeUnavailability(MemberId memberId, long unavailabilityId, String actor) {
		int removed = jdbc.sql("delete from member_unavailability where id = ? and member_id = ?")
			.params(unavailabilityId, memberId.value())
			.update();
		if (removed > 0) {
			audit.record("member_unavailability", unavailabilityId, "delete", actor,
					Map.of("memberId", memberId.value()), null);
		}
	}

	/**
	 * Refuses a phone another member has, compared by digits ({@link PhoneNumbers#key})
	 * so that a number saved before the check, as it was typed, is still found.
	 */
	private void requireFreePhone(@Nullable String phone, @Nullable MemberId self) {
		if (phone == null) {
			return;
		}
		boolean taken = jdbc
			.sql("select exists (select 1 from member where " + PhoneNumbers.SQL_KEY + " = ? and id <> ?)")
			.params(PhoneNumbers.key(phone), (self != null) ? self.value() : -1L)
			.query(Boolean.class)
			.single();
		if (taken) {
			throw new DuplicatePhoneException(phone);
		}
	}

	/** The member as the command gives it, for the audit log. */
	private static Member member(MemberId id, SaveMember command) {
		return new Member(id, command.name(), command.gender(), command.birthYear(), command.retired(), command.phone(),
				command.homeTownshipId(), command.homeVillageId(), command.skills(), command.notes(), command.active());
	}

	private static Map<String, @Nullable Object> values(Member member) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("name", member.name());
		values.put("gender", member.gender());
		values.put("birthYear", member.birthYear());
		values.put("retired", member.retired());
		values.put("phone", member.phone());
		values.put("homeTownshipId", Ids.value(member.homeTownshipId()));
		values.put("homeVillageId", Ids.value(member.homeVillageId()));
		values.put("skills", member.skills());
		values.put("active", member.active());
		return values;
	}

}
