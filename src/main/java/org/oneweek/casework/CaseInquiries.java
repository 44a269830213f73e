package org.oneweek.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oneweek.casework.CaseAccess.Standing;
import org.oneweek.people.AccountId;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.people.UnitId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.Terms;
import org.oneweek.text.ChineseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the ledger, showing each person only the cases they may read (the same rules
 * as {@link CaseAccess}, as SQL).
 */
@Service
@Transactional(readOnly = true)
public class CaseInquiries {

	public static final int MAX_PAGE_SIZE = 200;

	/**
	 * A search counts its cases up to this many (a province's ledger of millions is not
	 * counted at every page: more than ten thousand says what a reader needs).
	 */
	public static final int MAX_COUNT = 10_000;

	/** An export holds at most this many rows. */
	public static final int MAX_EXPORT = 20_000;

	private final JdbcClient jdbc;

	private final ChineseText text;

	private final Terms terms;

	private final ZoneId zone;

	CaseInquiries(JdbcClient jdbc, ChineseText text, Terms terms, Clock clock) {
		this.jdbc = jdbc;
		this.text = text;
		this.terms = terms;
		this.zone = clock.getZone();
	}

	public CaseSearch.Page search(CaseSearch search, Standing standing, Instant now, int page, int size) {
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		int pageNumber = Math.max(0, page);
		Map<String, Object> params = new HashMap<>();
		String where = where(search, standing, now, params);
		params.put("countLimit", MAX_COUNT + 1);
		long counted = jdbc
			.sql("select count(*) from (select 1 from case_file c where " + where + " limit :countLimit) counted")
			.params(params)
			.query(Long.class)
			.single();
		boolean more = counted > MAX_COUNT;
		long total = Math.min(counted, MAX_COUNT);
		params.put("limit", pageSize);
		params.put("offset", (long) pageNumber * pageSize);
		List<Case> cases = jdbc
			.sql("select c.* from case_file c where " + where + order(search) + " limit :limit offset :offset")
			.params(params)
			.query(Cases.CASE)
			.list();
		return new CaseSearch.Page(cases, total, more, pageNumber, pageSize);
	}

	/** Every matching case (up to {@link #MAX_EXPORT}), for exports. */
	public List<Case> all(CaseSearch search, Standing standing, Instant now) {
		Map<String, Object> params = new HashMap<>();
		String where = where(search, standing, now, params);
		params.put("limit", MAX_EXPORT);
		return jdbc.sql("select c.* from case_file c where " + where + order(search) + " limit :limit")
			.params(params)
			.query(Cases.CASE)
			.list();
	}

	/**
	 * The troubleshooter's list: the open cases of their area that are urgent, escalated
	 * or assigned to them. Urgent cases nobody has reached yet come first, the newest on
	 * top (a new urgent case tops the list however far its deadline is), then the others
	 * by urgency, escalation and deadline.
	 */
	public List<Case> troubleshooterList(Standing standing, int limit) {
		if (standing.duty() == null) {
			return List.of();
		}
		return jdbc
			.sql("select c.* from case_file c where c.township_id = :township and c.state = any(:active) "
					+ "and (c.urgency <> 'NORMAL' or c.escalation_level > 0 " + "or c.assignee_member_id = :member)"
					+ " order by (c.urgency <> 'NORMAL' and c.first_contact_at is null) desc, "
					+ "case when c.urgency <> 'NORMAL' and c.first_contact_at is null then c.received_at end desc, "
					+ "case c.urgency when 'EMERGENCY' then 0 when 'URGENT' then 1 else 2 end, "
					+ "c.escalation_level desc, c.resolution_due, c.id limit :limit")
			.param("township", standing.duty().townshipId().value())
			.param("active", CaseState.names(CaseState.ACTIVE))
			.param("member", standing.duty().memberId().value())
			.param("limit", limit)
			.query(Cases.CASE)
			.list();
	}

	/**
	 * Open cases of a village, most urgent first (no access check: the caller decides).
	 */
	public List<Case> openOfVillage(VillageId villageId, int limit) {
		return jdbc
			.sql("select c.* from case_file c where c.village_id = :village and c.state = any(:open)"
					+ order(CaseSearch.all().byPriority()) + " limit :limit")
			.param("village", villageId.value())
			.param("open", CaseState.names(CaseState.OPEN))
			.param("limit", limit)
			.query(Cases.CASE)
			.list();
	}

	/** Open cases referred to a unit. */
	public List<Case> openOfUnit(UnitId unitId, int limit) {
		return jdbc
			.sql("select c.* from case_file c where c.assignee_unit_id = :unit and c.state = any(:active)"
					+ order(CaseSearch.all().byPriority()) + " limit :limit")
			.param("unit", unitId.value())
			.param("active", CaseState.names(CaseState.ACTIVE))
			.param("limit", limit)
			.query(Cases.CASE)
			.list();
	}

	/** Cases a person recorded, newest first. */
	public List<Case> recordedBy(AccountId accountId, int limit) {
		return jdbc.sql("select c.* from case_file c where c.recorded_by = :account order by c.id desc limit :limit")
			.param("account", accountId.value())
			.param("limit", limit)
			.query(Cases.CASE)
			.list();
	}

	/** How many cases are overdue now across the district. */
	public long overdueCount(Instant now) {
		return jdbc.sql(
				"select count(*) from case_file where state = any(:active) and (resolution_due < :now or (first_contact_at is null and first_contact_due < :now))")
			.param("now", java.sql.Timestamp.from(now))
			.param("active", CaseState.names(CaseState.ACTIVE))
			.query(Long.class)
			.single();
	}

	private static String order(CaseSearch search) {
		return search.priority() ? " order by case c.urgency when 'EMERGENCY' then 0 when 'URGENT' then 1 else 2 end, "
				+ "c.escalation_level desc, c.resolution_due, c.id" : " order by c.received_at desc, c.id desc";
	}

	private String where(CaseSearch search, Standing standing, Instant now, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add(scope(standing, params));
		if (search.words() != null && !search.words().isBlank()) {
			String query = text.query(search.words());
			String reference = search.words().strip().toUpperCase(Locale.ROOT);
			params.put("refWords", reference);
			if (query != null) {
				params.put("tsquery", query);
				conditions.add("(c.search @@ to_tsquery('simple', :tsquery) or c.reference = :refWords)");
			}
			else {
				conditions.add("c.reference = :refWords");
			}
		}
		if (search.reference() != null && !search.reference().isBlank()) {
			params.put("reference", "%" + escapeLike(search.reference().strip().toUpperCase(Locale.ROOT)) + "%");
			conditions.add("c.reference like :reference");
		}
		if (search.villageId() != null) {
			params.put("village", search.villageId().value());
			conditions.add("c.village_id = :village");
		}
		if (search.townshipId() != null) {
			params.put("township", search.townshipId().value());
			conditions.add("c.township_id = :township");
		}
		if (search.termId() != null) {
			params.put("term", search.termId().value());
			conditions.add("(c.received_term_id = :term or c.responsible_term_id = :term)");
		}
		if (search.state() != null) {
			params.put("state", search.state().name());
			conditions.add("c.state = :state");
		}
		if (search.category() != null && !search.category().isBlank()) {
			params.put("category", search.category());
			conditions.add("c.category = :category");
		}
		if (search.type() != null) {
			params.put("type", search.type().name());
			conditions.add("c.case_type = :type");
		}
		if (search.urgency() != null) {
			params.put("urgency", search.urgency().name());
			conditions.add("c.urgency = :urgency");
		}
		if (search.assigneeKind() != null) {
			params.put("assigneeKind", search.assigneeKind().name());
			conditions.add("c.assignee_kind = :assigneeKind");
		}
		if (search.responsibleMemberId() != null) {
			params.put("responsibleMember", search.responsibleMemberId().value());
			conditions.add("c.assignee_member_id = :responsibleMember");
		}
		if (search.responsibleUnitId() != null) {
			params.put("responsibleUnit", search.responsibleUnitId().value());
			conditions.add("c.assignee_unit_id = :responsibleUnit");
		}
		if (search.overdue()) {
			params.put("now", java.sql.Timestamp.from(now));
			params.put("active", CaseState.names(CaseState.ACTIVE));
			conditions.add("c.state = any(:active) and (c.resolution_due < :now "
					+ "or (c.first_contact_at is null and c.first_contact_due < :now))");
		}
		if (search.openOnly()) {
			params.put("open", CaseState.names(CaseState.OPEN));
			conditions.add("c.state = any(:open)");
		}
		if (search.from() != null) {
			params.put("from", java.sql.Timestamp.from(search.from().atStartOfDay(zone).toInstant()));
			conditions.add("c.received_at >= :from");
		}
		if (search.to() != null) {
			params.put("to", java.sql.Timestamp.from(search.to().plusDays(1).atStartOfDay(zone).toInstant()));
			conditions.add("c.received_at < :to");
		}
		return String.join(" and ", conditions);
	}

	/** The cases the person may read, as a condition on {@code c}. */
	private String scope(Standing s, Map<String, Object> params) {
		AccountPrincipal me = s.me();
		if (me.has(Role.ORG_ADMIN)) {
			return "true";
		}
		List<String> any = new ArrayList<>();
		if (me.has(Role.COMMITTEE) && me.villageId() != null) {
			params.put("scopeCommittee", me.villageId().value());
			any.add("c.village_id = :scopeCommittee");
		}
		if (s.term() != null) {
			params.put("scopeTermVillage", s.term().villageId().value());
			any.add("c.village_id = :scopeTermVillage");
		}
		if (s.duty() != null) {
			params.put("scopeDutyTownship", s.duty().townshipId().value());
			any.add("c.township_id = :scopeDutyTownship");
		}
		UnitId unitId = me.unitId();
		if (me.has(Role.UNIT) && unitId != null) {
			params.put("scopeUnit", unitId.value());
			params.put("scopeUnitText", String.valueOf(unitId.value()));
			any.add("(c.assignee_unit_id = :scopeUnit or exists (select 1 from case_event e where e.case_id = c.id "
					+ "and e.kind = 'ASSIGNED' and e.data ->> 'unitId' = :scopeUnitText))");
		}
		MemberId memberId = me.memberId();
		if (memberId != null) {
			params.put("scopeMember", memberId.value());
			any.add("c.recorded_by_member = :scopeMember or c.assignee_member_id = :scopeMember");
			if (me.has(Role.SECRETARY)) {
				List<Long> termIds = terms.allOfMember(memberId).stream().map((t) -> t.id().value()).toList();
				if (!termIds.isEmpty()) {
					params.put("scopeTerms", termIds);
					any.add("c.received_term_id in (:scopeTerms) or c.responsible_term_id in (:scopeTerms)");
				}
			}
		}
		return any.isEmpty() ? "false" : "(" + String.join(" or ", any) + ")";
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
