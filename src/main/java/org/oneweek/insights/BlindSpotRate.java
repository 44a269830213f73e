package org.oneweek.insights;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseId;

/**
 * The officials' blind spots among the villagers' problems in scope, from the
 * reconciliation of each village's week: a villagers' problem is one line of the week's
 * reconciliation with a villager's case in scope (several villagers' cases matched as one
 * problem count once); it is a blind spot when no item of the officials' list was matched
 * with it (matched, proposed or confirmed, or linked). Findings do not change it.
 *
 * @param problems villagers' problems reconciled
 * @param blind of those, with no item of the officials' list
 * @param problemCases the villagers' cases of the problems counted, oldest first
 * @param blindCases the villagers' cases of the blind spots, oldest first
 * @param pendingWeeks village-weeks in scope whose reconciliation was not brought up to
 * date within the read's time (after a bulk load of the ledger): left out of the figure,
 * which says so, until they are (0 in a district's daily work: a read reconciles the few
 * weeks changed since the last)
 */
public record BlindSpotRate(int problems, int blind, List<CaseId> problemCases, List<CaseId> blindCases,
		int pendingWeeks) {

	public static final BlindSpotRate NONE = new BlindSpotRate(0, 0, List.of(), List.of());

	public BlindSpotRate {
		problemCases = List.copyOf(problemCases);
		blindCases = List.copyOf(blindCases);
	}

	public BlindSpotRate(int problems, int blind, List<CaseId> problemCases, List<CaseId> blindCases) {
		this(problems, blind, problemCases, blindCases, 0);
	}

	/** Blind spots over villagers' problems; empty when nothing was reconciled. */
	public @Nullable Double rate() {
		return (problems == 0) ? null : (double) blind / problems;
	}

}
