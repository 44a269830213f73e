package org.oneweek.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseAccess.Permission;
import org.oneweek.casework.CaseLifecycle.Action;
import org.oneweek.casework.internal.CaseFile;
import org.oneweek.casework.internal.CaseStore;
import org.oneweek.people.AccountPrincipal;
import org.springframework.stereotype.Component;

/**
 * The start of every change a person makes to a case: the case is locked, the person's
 * right to work on it checked for this very case on this day, and a lifecycle action
 * refused before anything is written.
 */
@Component
class CaseChanges {

	private final CaseStore store;

	private final CaseAccess access;

	private final ZoneId zone;

	CaseChanges(CaseStore store, CaseAccess access, Clock clock) {
		this.store = store;
		this.access = access;
		this.zone = clock.getZone();
	}

	/** A case opened for a change, and what the person may do with it. */
	record Opened(CaseFile file, Permission permission) {

	}

	/**
	 * @param action the lifecycle action asked for, or null for a note, a photo, funding
	 * @throws CaseNotFoundException when there is no such case
	 * @throws CaseAccessDeniedException when the person may not do this to the case
	 * @throws CaseRuleException when the case's state does not allow the action
	 */
	Opened open(String reference, AccountPrincipal me, Instant now, @Nullable Action action) {
		CaseFile file = store.lock(reference);
		Case c = file.toCase();
		Permission permission = access.permission(me, c, LocalDate.ofInstant(now, zone));
		if (!permission.canWork()) {
			throw new CaseAccessDeniedException(reference);
		}
		if (permission == Permission.UNIT && action != null && !CaseAccess.UNIT_ACTIONS.contains(action)) {
			throw new CaseAccessDeniedException(reference);
		}
		if (action != null) {
			CaseLifecycle.next(c.state(), action);
		}
		return new Opened(file, permission);
	}

}
