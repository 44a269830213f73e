package org.oneweek.places;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.AuditLog;
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
	public DistrictId createDistrict(CreateDistrict command, String actor) {
		places.changed();
		requireFreeCode(command.code(), null);
		DistrictId id = DistrictId.of(insert("insert into district (code, name, case_prefix) values (?, ?, ?)",
				command.code(), command.name(), command.casePrefix()));
		audit.record("district", id, "create", actor, null, Map.of("code", command.code(), "name", command.name()));
		return id;
	}

	@Transactional
	public TownshipId createTownship(CreateTownship command, String actor) {
		places.changed();
		requireFreeCode(command.code(), null);
		TownshipId id = TownshipId
			.of(insert("insert into township (district_id, code, name, kind, population) values (?, ?, ?, ?, ?)",
					command.districtId().value(), command.code(), command.name(), command.kind().name(),
					command.population()));
		audit.record("township", id, "create", actor, null, values(new Township(id, command.districtId(),
				command.code(), command.name(), command.kind(), command.population())));
		return id;
	}

	@Transactional
	public void updateTownship(TownshipId id, UpdateTownship command, String actor) {
		places.changed();
		Township before = jdbc.sql("select * from township where id = ? for update")
			.param(id.value())
			.query(Places.TOWNSHIP)
			.optional()
			.orElseThrow(() -> new PlaceNotFoundException(id));
		requireFreeCode(command.code(), before.code());
		jdbc.sql("""
				update township set district_id = ?, code = ?, name = ?, kind = ?, population = ?, updated_at = now()
				where id = ?""")
			.params(command.districtId().value(), command.code(), command.name(), command.kind().name(),
					command.population(), id.value())
			.update();
		audit.record("township", id, "update", actor, Map.of("code", before.code(), "name", before.name()),
				values(new Township(id, command.districtId(), command.code(), command.name(), command.kind(),
						command.population())));
	}

	@Transactional
	public VillageId createVillage(CreateVillage command, String actor) {
		places.changed();
		requireFreeCode(command.code(), null);
		VillageId id = VillageId.of(insert("""
				insert into village (township_id, code, name, kind, population, households, committee_contact,
				committee_phone, address, notes, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				command.townshipId().value(), command.code(), command.name(), command.kind().name(),
				command.population(), command.households(), blankToNull(command.committeeContact()),
				blankToNull(command.committeePhone()), blankToNull(command.address()), blankToNull(command.notes()),
				command.active()));
		audit.record("village", id, "create", actor, null,
				values(new Village(id, command.townshipId(), command.code(), command.name(), command.kind(),
						command.population(), command.households(), command.committeeContact(),
						command.committeePhone(), command.address(), command.notes(), command.active())));
		return id;
	}

	/**
	 * Changes a village's facts. Its code is printed on posters as part of the board's
	 * address, so it cannot change once set.
	 */
	@Transactional
	public void updateVillage(VillageId id, UpdateVillage command, String actor) {
		places.changed();
		Village before = jdbc.sql("select * from village where id = ? for update")
			.param(id.value())
			.query(Places.VILLAGE)
			.optional()
			.orElseThrow(() -> new PlaceNotFoundException(id));
		jdbc.sql("""
				update village set township_id = ?, name = ?, kind = ?, population = ?, households = ?,
				committee_contact = ?, committee_phone = ?, address = ?, notes = ?, active = ?, updated_at = now()
				where id = ?""")
			.params(command.townshipId().value(), command.name(), command.kind().name(), command.population(),
					command.households(), blankToNull(command.committeeContact()),
					blankToNull(command.committeePhone()), blankToNull(command.address()), blankToNull(command.notes()),
					command.active(), id.value())
			.update();
		audit.record("village", id, "update", actor, values(before),
				values(new Village(id, command.townshipId(), before.code(), command.name(), command.kind(),
						command.population(), command.households(), command.committeeContact(),
						command.committeePhone(), command.address(), command.notes(), command.active())));
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

	private static Map<String, @Nullable Object> values(Township township) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("districtId", township.districtId().value());
		values.put("code", township.code());
		values.put("name", township.name());
		values.put("kind", township.kind());
		values.put("population", township.population());
		return values;
	}

	private static Map<String, @Nullable Object> values(Village village) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("townshipId", village.townshipId().value());
		values.put("code", village.code());
		values.put("name", village.name());
		values.put("kind", village.kind());
		values.put("population", village.population());
		values.put("households", village.households());
		values.put("committeeContact", village.committeeContact());
		values.put("committeePhone", village.committeePhone());
		values.put("address", village.address());
		values.put("active", village.active());
		return values;
	}

}
