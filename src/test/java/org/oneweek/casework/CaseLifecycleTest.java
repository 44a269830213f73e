package org.oneweek.casework;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oneweek.casework.CaseLifecycle.Action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every state against every action: the allowed transitions lead where DESIGN.md says,
 * and every other one is refused with a message naming the action.
 */
class CaseLifecycleTest {

	static final Map<CaseState, Map<Action, CaseState>> EXPECTED = Map.of(CaseState.RECEIVED, Map
		.of(Action.ASSIGN, CaseState.ASSIGNED, Action.MERGE, CaseState.MERGED, Action.DECLINE, CaseState.DECLINED),
			CaseState.ASSIGNED,
			Map.of(Action.ASSIGN, CaseState.ASSIGNED, Action.START, CaseState.IN_PROGRESS, Action.MERGE,
					CaseState.MERGED, Action.DECLINE, CaseState.DECLINED),
			CaseState.IN_PROGRESS,
			Map.of(Action.ASSIGN, CaseState.ASSIGNED, Action.RESOLVE, CaseState.RESOLVED, Action.MERGE,
					CaseState.MERGED, Action.DECLINE, CaseState.DECLINED),
			CaseState.RESOLVED, Map.of(Action.CLOSE, CaseState.CLOSED, Action.REOPEN, CaseState.REOPENED),
			CaseState.CLOSED, Map.of(Action.REOPEN, CaseState.REOPENED), CaseState.REOPENED,
			Map.of(Action.ASSIGN, CaseState.ASSIGNED, Action.START, CaseState.IN_PROGRESS, Action.MERGE,
					CaseState.MERGED, Action.DECLINE, CaseState.DECLINED),
			CaseState.DECLINED, Map.of(Action.REOPEN, CaseState.REOPENED), CaseState.MERGED, Map.of());

	@ParameterizedTest
	@EnumSource(CaseState.class)
	void everyActionInEveryStateIsAllowedOrRefusedAsDesigned(CaseState from) {
		Map<Action, CaseState> allowed = EXPECTED.get(from);
		for (Action action : Action.values()) {
			if (allowed.containsKey(action)) {
				assertThat(CaseLifecycle.next(from, action)).as(from + " " + action).isEqualTo(allowed.get(action));
				assertThat(CaseLifecycle.allowed(from, action)).isTrue();
			}
			else {
				assertThatThrownBy(() -> CaseLifecycle.next(from, action)).as(from + " " + action)
					.isInstanceOf(CaseRuleException.class)
					.hasMessage("case.refused." + action.name());
				assertThat(CaseLifecycle.allowed(from, action)).isFalse();
			}
		}
		assertThat(CaseLifecycle.actions(from))
			.isEqualTo(allowed.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(allowed.keySet()));
	}

	@Test
	void aMergedCaseIsFinalAndAClosedOneOnlyReopens() {
		assertThat(CaseLifecycle.actions(CaseState.MERGED)).isEmpty();
		assertThat(CaseLifecycle.actions(CaseState.CLOSED)).containsExactly(Action.REOPEN);
	}

	@Test
	void openStatesAreThoseStillNeedingSomeone() {
		assertThat(CaseState.OPEN).isEqualTo(Set.of(CaseState.RECEIVED, CaseState.ASSIGNED, CaseState.IN_PROGRESS,
				CaseState.RESOLVED, CaseState.REOPENED));
	}

}
