package org.oneweek.bulletin.internal;

import org.oneweek.bulletin.BulletinEvents.BoardChanged;
import org.oneweek.bulletin.BulletinEvents.FollowUpReceived;
import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseEvents.CaseStateChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A change in a village shows on this instance's board at once (other instances render
 * theirs again within seconds anyway). The board's cache is in memory, so forgetting a
 * page needs neither the database nor a record of the event: it happens right after the
 * change completes, in the thread that made it. (After completion, not after commit:
 * Spring Modulith stores every after-commit listener's events in its publication
 * registry, two writes and a commit each; forgetting a page after a rollback costs
 * nothing but one rendering.)
 */
@Component
class BoardEvictions {

	private final BoardCache cache;

	BoardEvictions(BoardCache cache) {
		this.cache = cache;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void on(CaseRecorded event) {
		cache.evictVillage(event.villageId().value());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void on(CaseStateChanged event) {
		cache.evictVillage(event.villageId().value());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void on(FollowUpReceived event) {
		cache.evictVillage(event.villageId().value());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void on(BoardChanged event) {
		cache.evictVillage(event.villageId().value());
	}

}
