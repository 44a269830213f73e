package org.oneweek.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.oneweek.casework.CaseAccess.Permission;
import org.oneweek.casework.CaseAccess.Operation;
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
	 * @param operation what the person asks to do
	 * @throws CaseNotFoundException when there is no such case
	 * @throws CaseAccessDeniedException when the person may not do this to the case
	 * @throws CaseRuleException when the case's state does not allow the action
	 */
	Opened open(String reference, AccountPrincipal me, Instant now, Operation operation) {
		return open(reference, me, now, operation, operation);
	}

	/**
	 * As {@link #open(String, AccountPrincipal, Instant, Operation)}, allowed to one who
	 * may do the operation or the other one that also covers it (the committee making the
	 * villagers it enlisted responsible assigns the case as part of enlisting them).
	 */
	Opened open(String reference, AccountPrincipal me, Instant now, Operation operation, Operation orAlso) {
		CaseFile file = store.lock(reference);
		Case c = file.toCase();
		Permission permission = access.permission(me, c, LocalDate.ofInstant(now, zone));
		if (!permission.allows(operation) && !permission.allows(orAlso)) {
			throw new CaseAccessDeniedException(reference);
		}
		if (operation.action() != null) {
			CaseLifecycle.next(c.state(), operation.action());
		}
		return new Opened(file, permission);
	}

}
