package org.oneweek.places;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oneweek.platform.Caches;
import org.oneweek.platform.ReadCache;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads places: the module's API for everyone else.
 */
@Service
@Transactional(readOnly = true)
public class Places {

	static final RowMapper<District> DISTRICT = (rs, n) -> new District(DistrictId.of(rs.getLong("id")),
			rs.getString("code"), rs.getString("name"), rs.getString("case_prefix"));

	static final RowMapper<Township> TOWNSHIP = (rs, n) -> new Township(TownshipId.of(rs.getLong("id")),
			DistrictId.of(rs.getLong("district_id")), rs.getString("code"), rs.getString("name"),
			Township.Kind.valueOf(rs.getString("kind")), rs.getObject("population", Integer.class));

	static final RowMapper<Village> VILLAGE = (rs, n) -> new Village(VillageId.of(rs.getLong("id")),
			TownshipId.of(rs.getLong("township_id")), rs.getString("code"), rs.getString("name"),
			Village.Kind.valueOf(rs.getString("kind")), rs.getObject("population", Integer.class),
			rs.getObject("households", Integer.class), rs.getString("committee_contact"),
			rs.getString("committee_phone"), rs.getString("address"), rs.getString("notes"), rs.getBoolean("active"));

	private final JdbcClient jdbc;

	// places read by their id, kept for a few seconds (every request needs a few):
	// oneweek.cache.specs.places-*
	private final ReadCache<DistrictId, Optional<District>> districts;

	private final ReadCache<TownshipId, Optional<Township>> townships;

	private final ReadCache<VillageId, Optional<Village>> villages;

	// every township and village at once, with their indexes by id and by township: a
	// province's 20,000 villages are read once for all the requests of a few seconds, not
	// several times per page, and read again in the background after 5 s (kept at most
	// oneweek.cache.specs.places-all's expiry), so that no request waits for them
	private final ReadCache<String, Directory> all;

	Places(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.districts = caches.readCache("places-districts");
		this.townships = caches.readCache("places-townships");
		this.villages = caches.readCache("places-villages");
		this.all = caches.readCache("places-all");
	}

	/** Every township and village, in the order of their codes, indexed. */
	private record Directory(List<Township> townships, List<Village> villages, Map<VillageId, Village> byId,
			Map<TownshipId, List<Village>> byTownship) {

		static Directory of(List<Township> townships, List<Village> villages) {
			Map<VillageId, Village> byId = new HashMap<>();
			Map<TownshipId, List<Village>> byTownship = new HashMap<>();
			for (Village v : villages) {
				byId.put(v.id(), v);
				byTownship.computeIfAbsent(v.townshipId(), (t) -> new ArrayList<>()).add(v);
			}
			byTownship.replaceAll((t, list) -> List.copyOf(list));
			return new Directory(List.copyOf(townships), List.copyOf(villages), Map.copyOf(byId),
					Map.copyOf(byTownship));
		}

	}

	/**
	 * The directory is read again in the background this long after it was read (the
	 * requests meanwhile and during the read get the one kept; it expires as
	 * {@code oneweek.cache.specs.places-all} says).
	 */
	static final java.time.Duration DIRECTORY_REFRESH = java.time.Duration.ofSeconds(5);

	private Directory directory() {
		return this.all.getRefreshing("all",
				(key) -> Directory.of(jdbc.sql("select * from township order by code").query(TOWNSHIP).list(),
						jdbc.sql("select * from village order by code").query(VILLAGE).list()),
				DIRECTORY_REFRESH);
	}

	/**
	 * Forgets the places kept, after a change (see {@link ReadCache}); for this module's
	 * own writers.
	 */
	public void changed() {
		this.districts.changed();
		this.townships.changed();
		this.villages.changed();
		this.all.changed();
	}

	public List<District> districts() {
		return jdbc.sql("select * from district order by code").query(DISTRICT).list();
	}

	public Optional<District> district(DistrictId id) {
		return this.districts.get(id,
				(key) -> jdbc.sql("select * from district where id = ?").param(key.value()).query(DISTRICT).optional());
	}

	public List<Township> townships() {
		return directory().townships();
	}

	public Optional<Township> township(TownshipId id) {
		return this.townships.get(id,
				(key) -> jdbc.sql("select * from township where id = ?").param(key.value()).query(TOWNSHIP).optional());
	}

	public Optional<Township> townshipByCode(String code) {
		return jdbc.sql("select * from township where code = ?").param(code).query(TOWNSHIP).optional();
	}

	public List<Village> villages() {
		return directory().villages();
	}

	public List<Village> villagesOf(TownshipId townshipId) {
		return directory().byTownship().getOrDefault(townshipId, List.of());
	}

	public Optional<Village> village(VillageId id) {
		return this.villages.get(id,
				(key) -> jdbc.sql("select * from village where id = ?").param(key.value()).query(VILLAGE).optional());
	}

	/**
	 * The villages of the ids, in the order of their codes (ids of no village are left
	 * out).
	 */
	public List<Village> villages(Collection<VillageId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Directory d = directory();
		return new java.util.HashSet<>(ids).stream()
			.map(d.byId()::get)
			.filter(java.util.Objects::nonNull)
			.sorted(java.util.Comparator.comparing(Village::code))
			.toList();
	}

	public Optional<Village> villageByCode(String code) {
		return jdbc.sql("select * from village where code = ?").param(code).query(VILLAGE).optional();
	}

	public long countVillages() {
		return jdbc.sql("select count(*) from village").query(Long.class).single();
	}

}
