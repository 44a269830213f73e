package org.oneweek.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for the public side (the village's bulletin board, the case lookup, Open311):
 * only what may be shown to anyone. A reporter appears here only as a name, and only when
 * they agreed; internal notes never appear.
 */
@Service
@Transactional(readOnly = true)
public class PublicCases {

	/** The states that mean "closed" to the outside world (Open311's status). */
	public static final Set<CaseState> FINISHED = Set.of(CaseState.CLOSED, CaseState.MERGED, CaseState.DECLINED);

	private final JdbcClient jdbc;

	private final Cases cases;

	PublicCases(JdbcClient jdbc, Cases cases) {
		this.jdbc = jdbc;
		this.cases = cases;
	}

	/**
	 * The cases on a village's board: those received since the start of the week, and
	 * those still open from earlier weeks; this week's first, then by deadline.
	 */
	public List<Case> board(VillageId villageId, Instant weekStart) {
		return jdbc.sql("""
				select * from case_file where village_id = ?
				  and (received_at >= ? or state = any(?))
				order by (received_at >= ?) desc, state <> all(?), resolution_due, id""")
			.params(villageId.value(), Timestamp.from(weekStart), CaseState.names(CaseState.OPEN),
					Timestamp.from(weekStart), CaseState.names(CaseState.ACTIVE))
			.query(Cases.CASE)
			.list();
	}

	/** The cases of a village resolved in a period (e.g. last week's results). */
	public List<Case> resolvedBetween(VillageId villageId, Instant from, Instant to) {
		return jdbc.sql("""
				select * from case_file where village_id = ? and resolved_at >= ? and resolved_at < ?
				  and state = any(?) order by resolved_at, id""")
			.params(villageId.value(), Timestamp.from(from), Timestamp.from(to), CaseState.names(CaseState.SOLVED))
			.query(Cases.CASE)
			.list();
	}

	/** The callbacks (回访) of a village's cases in a period, by satisfaction. */
	public Map<Satisfaction, Integer> callbacksBetween(VillageId villageId, Instant from, Instant to) {
		Map<Satisfaction, Integer> counts = new EnumMap<>(Satisfaction.class);
		jdbc.sql("""
				select e.data ->> 'satisfaction' as satisfaction, count(*) as n
				from case_event e join case_file c on c.id = e.case_id
				where c.village_id = ? and e.kind = 'CLOSED' and e.at >= ? and e.at < ?
				group by 1""").params(villageId.value(), Timestamp.from(from), Timestamp.from(to)).query((rs) -> {
			String value = rs.getString("satisfaction");
			if (value != null) {
				counts.put(Satisfaction.valueOf(value), rs.getInt("n"));
			}
		});
		return counts;
	}

	/** A village's figures: cases opened and resolved so far, and overdue now. */
	public Figures figures(VillageId villageId, Instant now) {
		return jdbc.sql("""
				select count(*) as opened,
				  count(*) filter (where resolved_at is not null and state = any(?)) as resolved,
				  count(*) filter (where state = any(?)
				    and (resolution_due < ? or (first_contact_at is null and first_contact_due < ?))) as overdue,
				  max(updated_at) as last_change
				from case_file where village_id = ?""")
			.params(CaseState.names(CaseState.SOLVED), CaseState.names(CaseState.ACTIVE), Timestamp.from(now),
					Timestamp.from(now), villageId.value())
			.query((rs, n) -> {
				Timestamp last = rs.getTimestamp("last_change");
				return new Figures(rs.getLong("opened"), rs.getLong("resolved"), rs.getLong("overdue"),
						(last != null) ? last.toInstant() : null);
			})
			.single();
	}

	/** The newest public note of each case (its text), if any. */
	public Map<CaseId, String> latestPublicNotes(Collection<CaseId> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		Map<CaseId, String> notes = new HashMap<>();
		jdbc.sql("""
				select distinct on (case_id) case_id, data ->> 'text' as text from case_event
				where case_id in (:ids) and kind = 'NOTE' and public order by case_id, seq desc""")
			.param("ids", Ids.values(caseIds))
			.query((rs) -> {
				notes.put(CaseId.of(rs.getLong("case_id")), rs.getString("text"));
			});
		return notes;
	}

	/**
	 * The names of reporters who agreed to be named publicly, by case; nothing else of
	 * the reporter.
	 */
	public Map<CaseId, String> consentedReporterNames(Collection<CaseId> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		Map<CaseId, String> names = new HashMap<>();
		jdbc.sql("""
				select case_id, name from case_reporter
				where case_id in (:ids) and consent and name is not null and btrim(name) <> ''""")
			.param("ids", Ids.values(caseIds))
			.query((rs) -> {
				names.put(CaseId.of(rs.getLong("case_id")), rs.getString("name").strip());
			});
		return names;
	}

	/** The public entries of a case's timeline, oldest first. */
	public List<CaseEvent> publicTimeline(CaseId caseId) {
		return cases.events(caseId).stream().filter(CaseEvent::isPublic).toList();
	}

	/** The case by reference, and the reference of the case it was merged into. */
	public Optional<Case> byReference(String reference) {
		return cases.byReference(reference);
	}

	public Optional<String> referenceOf(CaseId caseId) {
		return jdbc.sql("select reference from case_file where id = ?")
			.param(caseId.value())
			.query(String.class)
			.optional();
	}

	/** The photos of a case; their public copies carry no metadata. */
	public List<CasePhoto> photos(CaseId caseId) {
		return cases.photos(caseId);
	}

	/** The bytes of a photo's public copy (without EXIF, so without a location). */
	public Optional<byte[]> publicPhoto(CaseId caseId, PhotoId photoId) {
		return cases.photoContent(caseId, photoId, false);
	}

	/** The first photo of each case, for links to it. */
	public Map<CaseId, PhotoId> firstPhotos(Collection<CaseId> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		Map<CaseId, PhotoId> photos = new HashMap<>();
		jdbc.sql("select case_id, min(id) as id from case_photo where case_id in (:ids) group by case_id")
			.param("ids", Ids.values(caseIds))
			.query((rs) -> {
				photos.put(CaseId.of(rs.getLong("case_id")), PhotoId.of(rs.getLong("id")));
			});
		return photos;
	}

	/**
	 * A public entry of a case's timeline, with the case's number and state now: an
	 * Open311 service request update.
	 */
	public record PublicUpdate(CaseEvent event, String reference, CaseState state) {

	}

	/**
	 * The public timeline entries of the townships' cases made between two instants (both
	 * included), oldest first, at most {@code limit}.
	 */
	public List<PublicUpdate> publicUpdates(Collection<TownshipId> townshipIds, Instant from, Instant to, int limit) {
		if (townshipIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select e.*, c.reference as case_reference, c.state as case_state
				from case_event e join case_file c on c.id = e.case_id
				where c.township_id in (:townships) and e.public and e.at >= :from and e.at <= :to
				order by e.at, e.id limit :limit""")
			.param("townships", Ids.values(townshipIds))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", Math.max(1, limit))
			.query((rs, n) -> new PublicUpdate(cases.event(rs), rs.getString("case_reference"),
					CaseState.valueOf(rs.getString("case_state"))))
			.list();
	}

	/**
	 * Cases of the district's townships for an outside system: by reference, category,
	 * time received and open or closed, newest first.
	 */
	public List<Case> find(Collection<TownshipId> townshipIds, Filter filter) {
		if (townshipIds.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("select * from case_file where township_id in (:townships)");
		Map<String, Object> params = new HashMap<>();
		params.put("townships", Ids.values(townshipIds));
		if (!filter.references().isEmpty()) {
			sql.append(" and reference in (:references)");
			params.put("references", filter.references());
		}
		if (!filter.categories().isEmpty()) {
			sql.append(" and category in (:categories)");
			params.put("categories", filter.categories());
		}
		if (filter.from() != null) {
			sql.append(" and received_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" and received_at <= :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		if (filter.finished() != null) {
			List<String> states = new ArrayList<>();
			for (CaseState state : CaseState.values()) {
				if (FINISHED.contains(state) == filter.finished()) {
					states.add(state.name());
				}
			}
			sql.append(" and state in (:states)");
			params.put("states", states);
		}
		sql.append(" order by received_at desc, id desc limit :limit");
		params.put("limit", Math.max(1, filter.limit()));
		return jdbc.sql(sql.toString()).params(params).query(Cases.CASE).list();
	}

	/**
	 * A village's figures.
	 *
	 * @param lastChange when any of its cases last changed, if it has any
	 */
	public record Figures(long opened, long resolved, long overdue, @Nullable Instant lastChange) {

	}

	/**
	 * What an outside system asks for; empty lists and nulls do not filter.
	 *
	 * @param finished true for closed, merged or declined cases, false for the others
	 */
	public record Filter(List<String> references, List<String> categories, @Nullable Instant from, @Nullable Instant to,
			@Nullable Boolean finished, int limit) {

		public Filter {
			references = List.copyOf(references);
			categories = List.copyOf(categories);
		}

	}

}
