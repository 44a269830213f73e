package org.oneweek.insights;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.CloseCase;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseNotFoundException;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Satisfaction;
import org.oneweek.insights.internal.LedgerFacts;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callbacks (回访): the resolved cases awaiting the villager's answer, oldest resolved
 * first, and the record of each attempt. An attempt that reaches the villager closes the
 * case with their answer through the ledger ({@link CaseActions#close}, which checks who
 * may); one that does not is due again after {@link CallbackProperties#retryAfter()},
 * until {@link CallbackProperties#maxAttempts()} attempts have failed.
 */
@Service
public class Callbacks {

	/** The queue lists at most this many cases. */
	public static final int MAX_QUEUE = 500;

	private final JdbcClient jdbc;

	private final Insights insights;

	private final Cases cases;

	private final CaseActions actions;

	private final LedgerFacts facts;

	private final CallbackProperties properties;

	Callbacks(JdbcClient jdbc, Insights insights, Cases cases, CaseActions actions, LedgerFacts facts,
			CallbackProperties properties) {
		this.jdbc = jdbc;
		this.insights = insights;
		this.cases = cases;
		this.actions = actions;
		this.facts = facts;
		this.properties = properties;
	}

	/** One attempt. */
	public record Attempt(int attempt, Instant at, String byName, boolean reached, @Nullable Satisfaction satisfaction,
			@Nullable String comment, @Nullable Instant nextTryAt) {

	}

	/**
	 * A case awaiting its callback, with the attempts made since it was (last) resolved.
	 */
	public record Waiting(Case caseFile, List<Attempt> attempts, boolean unreachable, boolean dueNow) {

		public Waiting {
			attempts = List.copyOf(attempts);
		}

		public @Nullable Instant nextTryAt() {
			return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).nextTryAt();
		}

	}

	/**
	 * The cases of the filter awaiting a callback: those due now, oldest resolved first;
	 * then those waiting for a retry, soonest first; then the unreachable ones.
	 */
	@Transactional(readOnly = true)
	public List<Waiting> queue(MetricFilter filter, Instant now) {
		List<Case> awaiting = insights.cases(filter, Measure.AWAITING_CALLBACK, now);
		Map<CaseId, List<Attempt>> attempts = attempts(awaiting);
		List<Waiting> queue = new ArrayList<>();
		for (Case c : awaiting) {
			List<Attempt> mine = attempts.getOrDefault(c.id(), List.of());
			boolean unreachable = mine.size() >= properties.maxAttempts();
			Instant next = mine.isEmpty() ? null : mine.get(mine.size() - 1).nextTryAt();
			queue.add(new Waiting(c, mine, unreachable, !unreachable && (next == null || !next.isAfter(now))));
		}
		queue.sort(Comparator.comparingInt((Waiting w) -> w.dueNow() ? 0 : (w.unreachable() ? 2 : 1))
			.thenComparing((Waiting w) -> w.dueNow() || w.unreachable() ? resolved(w.caseFile()) : w.nextTryAt(),
					Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing((Waiting w) -> w.caseFile().id().value()));
		return queue.size() > MAX_QUEUE ? List.copyOf(queue.subList(0, MAX_QUEUE)) : List.copyOf(queue);
	}

	private static Instant resolved(Case c) {
		return (c.resolvedAt() != null) ? c.resolvedAt() : c.updatedAt();
	}

	/** The attempts on a case since it was last resolved, oldest first. */
	@Transactional(readOnly = true)
	public List<Attempt> attempts(CaseId caseId) {
		return cases.byId(caseId).map((c) -> attempts(List.of(c)).getOrDefault(c.id(), List.of())).orElse(List.of());
	}

	private Map<CaseId, List<Attempt>> attempts(List<Case> of) {
		Map<CaseId, List<Attempt>> byCase = new HashMap<>();
		if (of.isEmpty()) {
			return byCase;
		}
		Map<CaseId, Instant> since = new HashMap<>();
		of.forEach((c) -> since.put(c.id(), resolved(c)));
		jdbc.sql("select * from callback_attempt where case_id in (:ids) order by case_id, attempt")
			.param("ids", Ids.values(of.stream().map(Case::id).toList()))
			.query((rs) -> {
				CaseId id = CaseId.of(rs.getLong("case_id"));
				Instant at = rs.getTimestamp("at").toInstant();
				if (at.isBefore(since.get(id))) {
					return;
				}
				String satisfaction = rs.getString("satisfaction");
				Timestamp next = rs.getTimestamp("next_try_at");
				byCase.computeIfAbsent(id, (k) -> new ArrayList<>())
					.add(new Attempt(rs.getInt("attempt"), at, rs.getString("by_name"), rs.getBoolean("reached"),
							(satisfaction == null) ? null : Satisfaction.valueOf(satisfaction), rs.getString("comment"),
							(next == null) ? null : next.toInstant()));
			});
		return byCase;
	}

	/**
	 * Records a callback on a resolved case; reached, it closes the case with the
	 * villager's answer, in the same transaction.
	 * @throws CaseNotFoundException when there is no such case
	 * @throws InsightsException when the case is not awaiting a callback
	 */
	@Transactional
	public void record(String reference, CallbackAnswer answer, AccountPrincipal me, Instant now) {
		Case c = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		if (c.state() != CaseState.RESOLVED) {
			throw new InsightsException("insights.callback.notAwaiting");
		}
		int attempt = jdbc.sql("select coalesce(max(attempt), 0) + 1 from callback_attempt where case_id = ?")
			.param(c.id().value())
			.query(Integer.class)
			.single();
		int failedBefore = attempts(c.id()).size();
		Instant next = (!answer.reached() && failedBefore + 1 < properties.maxAttempts())
				? now.plus(properties.retryAfter()) : null;
		jdbc.sql("""
				insert into callback_attempt (case_id, attempt, at, by_account, by_name, reached, satisfaction, comment,
				  next_try_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id().value(), attempt, Timestamp.from(now), me.accountId().value(), me.displayName(),
					answer.reached(), (answer.satisfaction() == null) ? null : answer.satisfaction().name(),
					answer.comment(), (next == null) ? null : Timestamp.from(next))
			.update();
		// the attempt is counted in the summary with the case
		insights.summaryChanged(c.id());
		if (answer.reached()) {
			actions.close(c.reference(), new CloseCase(answer.satisfaction(), answer.comment()), me, now);
		}
	}

	/** Attempts made on the cases in scope: how many, how many reached the villager. */
	public record Tally(long attempts, long reached, long casesTried) {

		public @Nullable Double reachRate() {
			return (attempts == 0) ? null : (double) reached / attempts;
		}

	}

	@Transactional(readOnly = true)
	public Tally tally(MetricFilter filter, Instant now) {
		long[] t = insights.callbackAttempts(filter, now);
		return new Tally(t[0], t[1], t[2]);
	}

}
