package org.oneweek.casework;

import java.time.Instant;

import org.oneweek.casework.CaseAccess.Permission;
import org.oneweek.casework.CaseChanges.Opened;
import org.oneweek.casework.CaseCommands.ApproveFunding;
import org.oneweek.casework.CaseCommands.RequestFunding;
import org.oneweek.casework.internal.CaseFile;
import org.oneweek.casework.internal.CaseStore;
import org.oneweek.people.AccountPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money for a case: asked for by whoever works on it, granted (with who approved it and
 * from which source) only by those with every right on the case.
 */
@Service
public class CaseFunding {

	private final CaseChanges changes;

	private final CaseStore store;

	CaseFunding(CaseChanges changes, CaseStore store) {
		this.changes = changes;
		this.store = store;
	}

	/** Money asked for (from the street, the district, a fund). */
	@Transactional
	public void request(String reference, RequestFunding command, AccountPrincipal me, Instant now) {
		CaseFile file = changes.open(reference, me, now, null).file();
		file.requestFunding(command.amount(), command.source(), command.note(), Actor.of(me), now);
		store.save(file);
	}

	/** Money granted, by whom and from which source. */
	@Transactional
	public void approve(String reference, ApproveFunding command, AccountPrincipal me, Instant now) {
		if (command.approvedBy() == null || command.source() == null) {
			throw new CaseRuleException("case.funding.approverRequired");
		}
		Opened opened = changes.open(reference, me, now, null);
		if (opened.permission() != Permission.FULL) {
			throw new CaseAccessDeniedException(reference);
		}
		CaseFile file = opened.file();
		file.approveFunding(command.amount(), command.source(), command.approvedBy(), command.note(), Actor.of(me),
				now);
		store.save(file);
	}

}
