package org.oneweek.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseAccess.Operation;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AddNote;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.OneweekProperties;
import org.oneweek.reconciliation.Reconciliations.Similar;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * "May be the same as": for a case that arrived with nobody there to ask whether it is
 * one of the village's open cases (an Open311 request), the look-alikes found by the same
 * method as at intake, kept with the case; whoever reviews it links the two cases or
 * merges the new one into the old in one step.
 */
@Service
public class Twins {

	/** At most this many suggestions are kept for a case. */
	static final int MAX = 3;

	private final Reconciliations reconciliations;

	private final Cases cases;

	private final CaseAccess caseAccess;

	private final CaseActions caseActions;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MessageSource messages;

	private final ZoneId zone;

	Twins(Reconciliations reconciliations, Cases cases, CaseAccess caseAccess, CaseActions caseActions, JdbcClient jdbc,
			JsonMapper json, MessageSource messages, OneweekProperties properties) {
		this.reconciliations = reconciliations;
		this.cases = cases;
		this.caseAccess = caseAccess;
		this.caseActions = caseActions;
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
		this.zone = properties.zone();
	}

	/** A suggestion shown to the reviewer: the case it may be, its score and reasons. */
	public record Twin(Case c, double score, List<Reason> reasons) {

		public String scoreText() {
			return String.format(Locale.ROOT, "%.2f", score);
		}

	}

	/**
	 * Looks for the case's look-alikes among all the village's open cases and keeps them.
	 */
	@Transactional
	public void suggest(CaseId caseId, Instant now) {
		Case c = cases.byId(caseId).orElse(null);
		if (c == null) {
			return;
		}
		int checked = jdbc
			.sql("insert into reconciliation_twin_check (case_id, checked_at) values (?, ?) on conflict do nothing")
			.params(caseId.value(), Timestamp.from(now))
			.update();
		if (checked == 0 || !c.isOpen()) {
			return;
		}
		for (Similar s : lookAlikes(c, now)) {
			jdbc.sql("""
					insert into reconciliation_twin (case_id, similar_case_id, score, reasons, suggested_at)
					values (?, ?, ?, cast(? as jsonb), ?) on conflict do nothing""")
				.params(caseId.value(), s.c().id().value(), s.score(), json.writeValueAsString(s.reasons()),
						Timestamp.from(now))
				.update();
		}
	}

	private List<Similar> lookAlikes(Case c, Instant now) {
		List<Similar> similar = reconciliations.similar(c.villageId(), c.category(), text(c), c.id(), (other) -> true,
				now);
		return similar.subList(0, Math.min(MAX, similar.size()));
	}

	/**
	 * The open, undecided look-alikes kept for the case, those the person may read; when
	 * they were never looked for (the worker's queue was lost in a restart), looked for
	 * now with the same method and shown (a link or a merge keeps them).
	 * @throws AccessDeniedException when the person may not read the case
	 */
	@Transactional(readOnly = true)
	public List<Twin> of(String reference, AccountPrincipal me, Instant now) {
		Case c = cases.byReference(reference).orElse(null);
		LocalDate today = LocalDate.ofInstant(now, zone);
		if (c == null || !caseAccess.permission(me, c, today).canRead()) {
			throw new AccessDeniedException("look-alikes of " + reference);
		}
		if (!c.isOpen()) {
			return List.of();
		}
		boolean checked = jdbc.sql("select count(*) from reconciliation_twin_check where case_id = ?")
			.param(c.id().value())
			.query(Integer.class)
			.single() > 0;
		if (!checked) {
			return lookAlikes(c, now).stream()
				.filter((s) -> caseAccess.permission(me, s.c(), today).canRead())
				.map((s) -> new Twin(s.c(), s.score(), s.reasons()))
				.toList();
		}
		Map<Long, Row> rows = new HashMap<>();
		jdbc.sql("""
				select similar_case_id, score, reasons::text from reconciliation_twin
				where case_id = ? and decision is null order by score desc""").param(c.id().value()).query((rs) -> {
			rows.put(rs.getLong(1), new Row(rs.getDouble(2), rs.getString(3)));
		});
		List<Twin> twins = new ArrayList<>();
		for (Case other : cases.byIds(rows.keySet().stream().map(CaseId::of).toList())) {
			if (other.isOpen() && caseAccess.permission(me, other, today).canRead()) {
				Row row = rows.get(other.id().value());
				twins.add(new Twin(other, row.score(), json.readValue(row.reasons(), new TypeReference<List<Reason>>() {
				})));
			}
		}
		twins.sort((a, b) -> Double.compare(b.score(), a.score()));
		return twins;
	}

	private record Row(double score, String reasons) {

	}

	/**
	 * Links the case to its look-alike: each gets an internal note naming the other (as a
	 * confirmed pair of the reconciliation does), and the suggestion is decided.
	 * @throws ReconciliationRuleException when the other case is not a suggestion of this
	 * one
	 */
	@Transactional
	public void link(String reference, String otherReference, AccountPrincipal me, Instant now) {
		Case[] pair = pair(reference, otherReference, now);
		for (Case[] ends : new Case[][] { pair, { pair[1], pair[0] } }) {
			String note = messages.getMessage("reconciliation.twin.note",
					new Object[] { ends[1].reference(), ends[1].title(), me.displayName() }, Locale.SIMPLIFIED_CHINESE);
			caseActions.note(ends[0].reference(), AddNote.internalNote(note), me, now);
		}
		decide(pair, "LINKED", me, now);
	}

	/**
	 * Merges the case into its look-alike (the ledger decides who may), and the
	 * suggestion is decided.
	 * @throws ReconciliationRuleException when the other case is not a suggestion of this
	 * one
	 */
	@Transactional
	public void merge(String reference, String intoReference, AccountPrincipal me, Instant now) {
		Case[] pair = pair(reference, intoReference, now);
		String reason = messages.getMessage("reconciliation.twin.mergeReason", null, Locale.SIMPLIFIED_CHINESE);
		caseActions.merge(pair[0].reference(), pair[1].reference(), reason, me, now);
		decide(pair, "MERGED", me, now);
	}

	/** Whether the person may merge the case (for showing the button). */
	public boolean canMerge(Case c, AccountPrincipal me, Instant now) {
		return caseAccess.permission(me, c, LocalDate.ofInstant(now, zone)).allows(Operation.MERGE);
	}

	private Case[] pair(String reference, String otherReference, Instant now) {
		Case c = cases.byReference(reference)
			.orElseThrow(() -> new ReconciliationRuleException("reconciliation.twin.unknown"));
		Case other = cases.byReference(otherReference)
			.orElseThrow(() -> new ReconciliationRuleException("reconciliation.twin.unknown"));
		// never looked for (the review computed them on the spot): kept now
		suggest(c.id(), now);
		boolean suggested = jdbc.sql(
				"select count(*) from reconciliation_twin where case_id = ? and similar_case_id = ? and decision is null")
			.params(c.id().value(), other.id().value())
			.query(Integer.class)
			.single() > 0;
		if (!suggested) {
			throw new ReconciliationRuleException("reconciliation.twin.unknown");
		}
		return new Case[] { c, other };
	}

	private void decide(Case[] pair, String decision, AccountPrincipal me, Instant now) {
		jdbc.sql("""
				update reconciliation_twin set decision = ?, decided_by_name = ?, decided_at = ?
				where case_id = ? and similar_case_id = ?""")
			.params(decision, me.displayName(), Timestamp.from(now), pair[0].id().value(), pair[1].id().value())
			.update();
	}

	private static String text(Case c) {
		String description = c.description();
		return (description == null || description.isBlank()) ? c.title().strip()
				: c.title().strip() + "。" + description.strip();
	}

}
