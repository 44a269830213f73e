package org.oneweek.bulletin;

import org.oneweek.casework.CaseId;
import org.oneweek.places.VillageId;

/**
 * What the board tells others: published after each change, within its transaction.
 */
public final class BulletinEvents {

	private BulletinEvents() {
	}

	/** A villager followed up on a case (nothing private in here). */
	public record FollowUpReceived(FollowUpId followUpId, CaseId caseId, String reference, VillageId villageId,
			FollowUpKind kind, boolean reopened) {

	}

	/** Something shown on a village's board changed (villagers enlisted, duty phone). */
	public record BoardChanged(VillageId villageId) {

	}

}
