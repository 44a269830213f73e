package org.oneweek.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands (shared/DESIGN.md, "A case"): received 受理 → assigned 派单 → in
 * progress 办理 → resolved 办结 → closed 回访, and also reopened, merged and declined.
 */
public enum CaseState {

	RECEIVED, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED, MERGED, DECLINED;

	/** States in which a case still needs someone: these pass from team to team. */
	public static final Set<CaseState> OPEN = EnumSet.of(RECEIVED, ASSIGNED, IN_PROGRESS, RESOLVED, REOPENED);

	/** States in which work on the problem is still going on (not yet resolved). */
	public static final Set<CaseState> ACTIVE = EnumSet.of(RECEIVED, ASSIGNED, IN_PROGRESS, REOPENED);

	/** States of a case that was solved: resolved, and closed after the callback. */
	public static final Set<CaseState> SOLVED = EnumSet.of(RESOLVED, CLOSED);

	/**
	 * The names of states, to bind as one SQL parameter ({@code state = any(:states)}),
	 * so that the sets are defined here and nowhere else.
	 */
	public static String[] names(Set<CaseState> states) {
		return states.stream().map(CaseState::name).sorted().toArray(String[]::new);
	}

	public boolean isOpen() {
		return OPEN.contains(this);
	}

	public boolean isActive() {
		return ACTIVE.contains(this);
	}

}
