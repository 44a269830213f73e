package org.oneweek.reconciliation;

import java.util.List;

/**
 * One piece of evidence for (or against) a proposal, in words: a message key of the
 * reconciliation bundle and its arguments, and what it added to the score.
 */
public record Reason(String key, List<String> args, double weight) {

	public Reason {
		args = List.copyOf(args);
	}

	public Object[] arguments() {
		return args.toArray();
	}

}
