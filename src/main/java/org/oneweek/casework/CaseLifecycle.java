package org.oneweek.casework;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transitions of a case (shared/DESIGN.md, "A case"), and nothing else: a change that
 * is not listed here is refused with a reason a person understands.
 */
public final class CaseLifecycle {

	/** What a person does to a case that changes its state. */
	public enum Action {

		ASSIGN(CaseEvent.Kind.ASSIGNED), START(CaseEvent.Kind.STARTED), RESOLVE(CaseEvent.Kind.RESOLVED),
		CLOSE(CaseEvent.Kind.CLOSED), REOPEN(CaseEvent.Kind.REOPENED), MERGE(CaseEvent.Kind.MERGED),
		DECLINE(CaseEvent.Kind.DECLINED);

		private final CaseEvent.Kind recordedAs;

		Action(CaseEvent.Kind recordedAs) {
			this.recordedAs = recordedAs;
		}

		/** The timeline entry that records the action. */
		public CaseEvent.Kind recordedAs() {
			return recordedAs;
		}

	}

	private static final Map<CaseState, Map<Action, CaseState>> TRANSITIONS = new EnumMap<>(CaseState.class);

	static {
		allow(CaseState.RECEIVED, Action.ASSIGN, CaseState.ASSIGNED);
		allow(CaseState.RECEIVED, Action.MERGE, CaseState.MERGED);
		allow(CaseState.RECEIVED, Action.DECLINE, CaseState.DECLINED);
		allow(CaseState.ASSIGNED, Action.ASSIGN, CaseState.ASSIGNED);
		allow(CaseState.ASSIGNED, Action.START, CaseState.IN_PROGRESS);
		allow(CaseState.ASSIGNED, Action.MERGE, CaseState.MERGED);
		allow(CaseState.ASSIGNED, Action.DECLINE, CaseState.DECLINED);
		allow(CaseState.IN_PROGRESS, Action.ASSIGN, CaseState.ASSIGNED);
		allow(CaseState.IN_PROGRESS, Action.RESOLVE, CaseState.RESOLVED);
		allow(CaseState.IN_PROGRESS, Action.MERGE, CaseState.MERGED);
		allow(CaseState.IN_PROGRESS, Action.DECLINE, CaseState.DECLINED);
		allow(CaseState.RESOLVED, Action.CLOSE, CaseState.CLOSED);
		allow(CaseState.RESOLVED, Action.REOPEN, CaseState.REOPENED);
		allow(CaseState.CLOSED, Action.REOPEN, CaseState.REOPENED);
		allow(CaseState.REOPENED, Action.ASSIGN, CaseState.ASSIGNED);
		allow(CaseState.REOPENED, Action.START, CaseState.IN_PROGRESS);
		allow(CaseState.REOPENED, Action.MERGE, CaseState.MERGED);
		allow(CaseState.REOPENED, Action.DECLINE, CaseState.DECLINED);
		allow(CaseState.DECLINED, Action.REOPEN, CaseState.REOPENED);
	}

	private CaseLifecycle() {
	}

	private static void allow(CaseState from, Action action, CaseState to) {
		TRANSITIONS.computeIfAbsent(from, (s) -> new EnumMap<>(Action.class)).put(action, to);
	}

	/**
	 * The state after the action.
	 * @throws CaseRuleException when the action is not allowed in this state
	 */
	public static CaseState next(CaseState from, Action action) {
		CaseState to = TRANSITIONS.getOrDefault(from, Map.of()).get(action);
		if (to == null) {
			throw new CaseRuleException("case.refused." + action.name(), from);
		}
		return to;
	}

	public static boolean allowed(CaseState from, Action action) {
		return TRANSITIONS.getOrDefault(from, Map.of()).containsKey(action);
	}

	/** The actions a person may take on a case in this state. */
	public static Set<Action> actions(CaseState from) {
		Map<Action, CaseState> actions = TRANSITIONS.getOrDefault(from, Map.of());
		return actions.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(actions.keySet());
	}

}
