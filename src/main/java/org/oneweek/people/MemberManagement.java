package org.oneweek.people;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.PeopleForms.MemberForm;
import org.oneweek.people.PeopleForms.UnavailabilityForm;
import org.oneweek.platform.AuditLog;
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
	public long create(MemberForm form, String actor) {
		requireFreePhone(form.getPhone(), null);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into member (name, gender, birth_year, retired, phone, home_township_id, home_village_id,
				skills, notes, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(form.getName().strip(), form.getGender().name(), form.getBirthYear(), form.isRetired(),
					form.getPhone().strip(), form.getHomeTownshipId(), form.getHomeVillageId(),
					blankToNull(form.getSkills()), blankToNull(form.getNotes()), form.isActive())
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("member", id, "create", actor, null, values(form));
		return id;
	}

	@Transactional
	public void update(long id, MemberForm form, String actor) {
		Member before = jdbc.sql("select * from member where id = ? for update")
			.param(id)
			.query(Members.MEMBER)
			.optional()
			.orElseThrow(() -> new MemberNotFoundException(id));
		requireFreePhone(form.getPhone(), before.phone());
		jdbc.sql("""
				update member set name = ?, gender = ?, birth_year = ?, retired = ?, phone = ?, home_township_id = ?,
				home_village_id = ?, skills = ?, notes = ?, active = ?, updated_at = now() where id = ?""")
			.params(form.getName().strip(), form.getGender().name(), form.getBirthYear(), form.isRetired(),
					form.getPhone().strip(), form.getHomeTownshipId(), form.getHomeVillageId(),
					blankToNull(form.getSkills()), blankToNull(form.getNotes()), form.isActive(), id)
			.update();
		audit.record("member", id, "update", actor, values(MemberForm.of(before)), values(form));
	}

	@Transactional
	public long addUnavailability(long memberId, UnavailabilityForm form, String actor) {
		if (form.getTo().isBefore(form.getFrom())) {
			throw new IllegalArgumentException("people.unavailability.order");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into member_unavailability (member_id, from_date, to_date, reason) values (?, ?, ?, ?)
				on conflict (member_id, from_date, to_date) do nothing""")
			.params(memberId, form.getFrom(), form.getTo(), blankToNull(form.getReason()))
			.update(keys, "id");
		if (keys.getKeyList().isEmpty()) {
			// the same dates sent twice (a double tap): one record
			return jdbc
				.sql("select id from member_unavailability where member_id = ? and from_date = ? and to_date = ?")
				.params(memberId, form.getFrom(), form.getTo())
				.query(Long.class)
				.single();
		}
		long id = keys.getKeyAs(Long.class);
		audit.record("member_unavailability", id, "create", actor, null,
				Map.of("memberId", memberId, "from", form.getFrom().toString(), "to", form.getTo().toString()));
		return id;
	}

	@Transactional
	public void removeUnavailability(long memberId, long unavailabilityId, String actor) {
		int removed = jdbc.sql("delete from member_unavailability where id = ? and member_id = ?")
			.params(unavailabilityId, memberId)
			.update();
		if (removed > 0) {
			audit.record("member_unavailability", unavailabilityId, "delete", actor, Map.of("memberId", memberId),
					null);
		}
	}

	private void requireFreePhone(@Nullable String phone, @Nullable String current) {
		if (phone == null || phone.strip().equals(current)) {
			return;
		}
		boolean taken = jdbc.sql("select exists (select 1 from member where phone = ?)")
			.param(phone.strip())
			.query(Boolean.class)
			.single();
		if (taken) {
			throw new DuplicatePhoneException(phone);
		}
	}

	private static Map<String, @Nullable Object> values(MemberForm form) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("name", form.getName());
		values.put("gender", form.getGender());
		values.put("birthYear", form.getBirthYear());
		values.put("retired", form.isRetired());
		values.put("phone", form.getPhone());
		values.put("homeTownshipId", form.getHomeTownshipId());
		values.put("homeVillageId", form.getHomeVillageId());
		values.put("skills", form.getSkills());
		values.put("active", form.isActive());
		return values;
	}

}
