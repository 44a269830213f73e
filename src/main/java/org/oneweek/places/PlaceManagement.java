package org.oneweek.places;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.AuditLog;
import org.oneweek.places.PlaceForms.DistrictForm;
import org.oneweek.places.PlaceForms.TownshipForm;
import org.oneweek.places.PlaceForms.VillageForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * Creates and changes places; every change is written to the audit log.
 */
@Service
public class PlaceManagement {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Places places;

	PlaceManagement(JdbcClient jdbc, AuditLog audit, Places places) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.places = places;
	}

	@Transactional
	public long createDistrict(DistrictForm form, String actor) {
		places.changed();
		requireFreeCode(form.getCode(), null);
		long id = insert("insert into district (code, name, case_prefix) values (?, ?, ?)", form.getCode(),
				form.getName(), form.getCasePrefix());
		audit.record("district", id, "create", actor, null, Map.of("code", form.getCode(), "name", form.getName()));
		return id;
	}

	@Transactional
	public long createTownship(TownshipForm form, String actor) {
		places.changed();
		requireFreeCode(form.getCode(), null);
		long id = insert("insert into township (district_id, code, name, kind, population) values (?, ?, ?, ?, ?)",
				form.getDistrictId(), form.getCode(), form.getName(), form.getKind().name(), form.getPopulation());
		audit.record("township", id, "create", actor, null, values(form));
		return id;
	}

	@Transactional
	public void updateTownship(long id, TownshipForm form, String actor) {
		places.changed();
		Township before = jdbc.sql("select * from township where id = ? for update")
			.param(id)
			.query(Places.TOWNSHIP)
			.optional()
			.orElseThrow(() -> new PlaceNotFoundException(id));
		requireFreeCode(form.getCode(), before.code());
		jdbc.sql("""
				update township set district_id = ?, code = ?, name = ?, kind = ?, population = ?, updated_at = now()
				where id = ?""")
			.params(form.getDistrictId(), form.getCode(), form.getName(), form.getKind().name(), form.getPopulation(),
					id)
			.update();
		audit.record("township", id, "update", actor, Map.of("code", before.code(), "name", before.name()),
				values(form));
	}

	@Transactional
	public long createVillage(VillageForm form, String actor) {
		places.changed();
		requireFreeCode(form.getCode(), null);
		long id = insert("""
				insert into village (township_id, code, name, kind, population, households, committee_contact,
				committee_phone, address, notes, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				form.getTownshipId(), form.getCode(), form.getName(), form.getKind().name(), form.getPopulation(),
				form.getHouseholds(), blankToNull(form.getCommitteeContact()), blankToNull(form.getCommitteePhone()),
				blankToNull(form.getAddress()), blankToNull(form.getNotes()), form.isActive());
		audit.record("village", id, "create", actor, null, values(form));
		return id;
	}

	/**
	 * Changes a village's facts. Its code is printed on posters as part of the board's
	 * address, so it cannot change once set.
	 */
	@Transactional
	public void updateVillage(long id, VillageForm form, String actor) {
		places.changed();
		Village before = jdbc.sql("select * from village where id = ? for update")
			.param(id)
			.query(Places.VILLAGE)
			.optional()
			.orElseThrow(() -> new PlaceNotFoundException(id));
		jdbc.sql("""
				update village set township_id = ?, name = ?, kind = ?, population = ?, households = ?,
				committee_contact = ?, committee_phone = ?, address = ?, notes = ?, active = ?, updated_at = now()
				where id = ?""")
			.params(form.getTownshipId(), form.getName(), form.getKind().name(), form.getPopulation(),
					form.getHouseholds(), blankToNull(form.getCommitteeContact()),
					blankToNull(form.getCommitteePhone()), blankToNull(form.getAddress()), blankToNull(form.getNotes()),
					form.isActive(), id)
			.update();
		audit.record("village", id, "update", actor, values(VillageForm.of(before)), values(form));
	}

	boolean codeTaken(String code) {
		return jdbc
			.sql("""
					select exists (select 1 from district where code = :c) or exists (select 1 from township where code = :c)
					or exists (select 1 from village where code = :c)""")
			.param("c", code)
			.query(Boolean.class)
			.single();
	}

	private void requireFreeCode(@Nullable String code, @Nullable String current) {
		if (code != null && !code.equals(current) && codeTaken(code)) {
			throw new DuplicateCodeException(code);
		}
	}

	private long insert(String sql, @Nullable Object... params) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	private static Map<String, @Nullable Object> values(TownshipForm form) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("districtId", form.getDistrictId());
		values.put("code", form.getCode());
		values.put("name", form.getName());
		values.put("kind", form.getKind());
		values.put("population", form.getPopulation());
		return values;
	}

	private static Map<String, @Nullable Object> values(VillageForm form) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("townshipId", form.getTownshipId());
		values.put("code", form.getCode());
		values.put("name", form.getName());
		values.put("kind", form.getKind());
		values.put("population", form.getPopulation());
		values.put("households", form.getHouseholds());
		values.put("committeeContact", form.getCommitteeContact());
		values.put("committeePhone", form.getCommitteePhone());
		values.put("address", form.getAddress());
		values.put("active", form.isActive());
		return values;
	}

}
