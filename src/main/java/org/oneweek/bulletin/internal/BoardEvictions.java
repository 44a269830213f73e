package org.oneweek.bulletin.internal;

import org.oneweek.bulletin.BulletinEvents.BoardChanged;
import org.oneweek.bulletin.BulletinEvents.FollowUpReceived;
import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseEvents.CaseStateChanged;
import org.oneweek.casework.Cases;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A change in a village shows on this instance's board at once (other instances render
 * theirs again within seconds anyway).
 */
@Component
class BoardEvictions {

	private final BoardCache cache;

	private final Cases cases;

	BoardEvictions(BoardCache cache, Cases cases) {
		this.cache = cache;
		this.cases = cases;
	}

	@ApplicationModuleListener
	void on(CaseRecorded event) {
		cache.evictVillage(event.villageId());
	}

	@ApplicationModuleListener
	void on(CaseStateChanged event) {
		cases.byId(event.caseId()).ifPresent((c) -> cache.evictVillage(c.villageId()));
	}

	@ApplicationModuleListener
	void on(FollowUpReceived event) {
		cache.evictVillage(event.villageId());
	}

	@ApplicationModuleListener
	void on(BoardChanged event) {
		cache.evictVillage(event.villageId());
	}

}
