package org.oneweek.casework;

import java.time.Instant;

import org.oneweek.casework.CaseAccess.Operation;
import org.oneweek.casework.CaseCommands.ApproveFunding;
import org.oneweek.casework.CaseCommands.RequestFunding;
import org.oneweek.casework.internal.CaseFile;
import org.oneweek.casework.internal.CaseStore;
import org.oneweek.people.AccountPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money for a case: asked for by the team working on it, and its approval (who approved
 * it, from which source) recorded only by the organization department, since the district
 * grants it (docs/SECURITY.md).
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
		CaseFile file = changes.open(reference, me, now, Operation.REQUEST_FUNDING).file();
		file.requestFunding(command.amount(), command.source(), command.note(), Actor.of(me), now);
		store.save(file);
	}

	/** Money granted, by whom and from which source. */
	@Transactional
	public void approve(String reference, ApproveFunding command, AccountPrincipal me, Instant now) {
		if (command.approvedBy() == null || command.source() == null) {
			throw new CaseRuleException("case.funding.approverRequired");
		}
		CaseFile file = changes.open(reference, me, now, Operation.APPROVE_FUNDING).file();
		file.approveFunding(command.amount(), command.source(), command.approvedBy(), command.note(), Actor.of(me),
				now);
		store.save(file);
	}

}
