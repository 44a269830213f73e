package org.oneweek.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case.Reporter;
import org.oneweek.casework.internal.CaseRows;
import org.oneweek.people.AccountId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Caches;
import org.oneweek.platform.Ids;
import org.oneweek.platform.ReadCache;
import org.oneweek.roster.TermId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads cases, their timelines, reporters and photos. Access is checked by the callers
 * (the web and API controllers, through {@link CaseAccess}); searches are scoped by
 * {@link CaseSearch}.
 */
@Service
@Transactional(readOnly = true)
public class Cases {

	static final RowMapper<Case> CASE = CaseRows.CASE;

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Cases(JdbcClient jdbc, JsonMapper json, Caches caches) {
		this.jdbc = jdbc;
		this.json = json;
		this.categories = caches.readCache("casework-categories");
	}

	public Optional<Case> byReference(String reference) {
		return jdbc.sql("select * from case_file where reference = ?")
			.param(reference.strip().toUpperCase(java.util.Locale.ROOT))
			.query(CASE)
			.optional();
	}

	public Optional<Case> byId(CaseId id) {
		return jdbc.sql("select * from case_file where id = ?").param(id.value()).query(CASE).optional();
	}

	public List<Case> byIds(List<CaseId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from case_file where id = any(:ids) order by received_at")
			.param("ids", Ids.values(ids).toArray(Long[]::new))
			.query(CASE)
			.list();
	}

	/** The cases a person recorded since an instant, newest first. */
	public List<Case> recordedSince(AccountId accountId, Instant since) {
		return jdbc.sql("select * from case_file where recorded_by = ? and received_at >= ? order by id desc limit 100")
			.params(accountId.value(), Timestamp.from(since))
			.query(CASE)
			.list();
	}

	/**
	 * The cases of a village received from one instant until (not including) another,
	 * oldest first.
	 */
	public List<Case> receivedInVillage(VillageId villageId, Instant from, Instant to) {
		return jdbc.sql("""
				select * from case_file where village_id = ? and received_at >= ? and received_at < ?
				order by received_at, id limit 500""")
			.params(villageId.value(), Timestamp.from(from), Timestamp.from(to))
			.query(CASE)
			.list();
	}

	/**
	 * The cases a term heard or holds (received in it, or it is responsible), oldest
	 * first.
	 */
	public List<Case> ofTerm(TermId termId) {
		return jdbc.sql("""
				select * from case_file where received_term_id = ? or responsible_term_id = ?
				order by received_at, id limit 2000""").params(termId.value(), termId.value()).query(CASE).list();
	}

	public List<CaseEvent> events(CaseId caseId) {
		return jdbc.sql("select * from case_event where case_id = ? order by seq")
			.param(caseId.value())
			.query((rs, n) -> event(rs))
			.list();
	}

	/** The timelines of several cases, each in its order (seq), in one query. */
	public Map<CaseId, List<CaseEvent>> events(List<CaseId> caseIds) {
		Map<CaseId, List<CaseEvent>> events = new java.util.LinkedHashMap<>();
		if (caseIds.isEmpty()) {
			return events;
		}
		jdbc.sql("select * from case_event where case_id in (:ids) order by case_id, seq")
			.param("ids", Ids.values(caseIds))
			.query((rs) -> {
				CaseEvent e = event(rs);
				events.computeIfAbsent(e.caseId(), (k) -> new java.util.ArrayList<>()).add(e);
			});
		return events;
	}

	/** A timeline entry from a row of case_event. */
	CaseEvent event(ResultSet rs) throws SQLException {
		return new CaseEvent(rs.getLong("id"), CaseId.of(rs.getLong("case_id")), rs.getInt("seq"),
				CaseEvent.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("at").toInstant(),
				Ids.nullable(rs.getObject("actor_id", Long.class), AccountId::of), rs.getString("actor_name"),
				state(rs, "from_state"), state(rs, "to_state"), rs.getString("reason"),
				json.readValue(rs.getString("data"), DATA), rs.getBoolean("public"));
	}

	public Optional<Reporter> reporter(CaseId caseId) {
		return jdbc.sql("select * from case_reporter where case_id = ?")
			.param(caseId.value())
			.query((rs, n) -> new Reporter(rs.getString("name"), rs.getString("phone"), rs.getString("household"),
					rs.getBoolean("consent")))
			.optional();
	}

	public Map<CaseId, Reporter> reporters(List<CaseId> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		Map<CaseId, Reporter> reporters = new java.util.HashMap<>();
		jdbc.sql("select * from case_reporter where case_id in (:ids)")
			.param("ids", Ids.values(caseIds))
			.query((rs) -> {
				reporters.put(CaseId.of(rs.getLong("case_id")), new Reporter(rs.getString("name"),
						rs.getString("phone"), rs.getString("household"), rs.getBoolean("consent")));
			});
		return reporters;
	}

	public List<CasePhoto> photos(CaseId caseId) {
		return jdbc.sql(
				"select id, case_id, phase, content_type, size_bytes, uploaded_at from case_photo where case_id = ? order by id")
			.param(caseId.value())
			.query((rs, n) -> new CasePhoto(PhotoId.of(rs.getLong("id")), CaseId.of(rs.getLong("case_id")),
					CasePhoto.Phase.valueOf(rs.getString("phase")), rs.getString("content_type"),
					rs.getInt("size_bytes"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	/** The bytes of a photo: the public copy, or the original as uploaded. */
	public Optional<byte[]> photoContent(CaseId caseId, PhotoId photoId, boolean original) {
		return jdbc
			.sql("select " + (original ? "original" : "public_copy") + " from case_photo where case_id = ? and id = ?")
			.params(caseId.value(), photoId.value())
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * The categories, read at most every few seconds: every intake needs them and they
	 * change a few times a year (another instance sees a change within seconds).
	 */
	public List<CaseCategory> categories() {
		return java.util.Objects.requireNonNull(categories.get(ALL,
				(all) -> jdbc.sql("select * from case_category order by position, code")
					.query((rs, n) -> new CaseCategory(rs.getString("code"), rs.getString("name_zh"),
							rs.getString("name_en"), rs.getInt("position"), rs.getBoolean("active")))
					.list()));
	}

	/** Forgets the categories read, after a change. */
	void categoriesChanged() {
		categories.changed();
	}

	/** The key of a cache holding one value: the whole table. */
	static final String ALL = "all";

	/** {@code oneweek.cache.specs.casework-categories}. */
	private final ReadCache<String, List<CaseCategory>> categories;

	public Optional<CaseCategory> category(String code) {
		return categories().stream().filter((c) -> c.code().equals(code)).findFirst();
	}

	private static @Nullable CaseState state(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? CaseState.valueOf(value) : null;
	}

}
