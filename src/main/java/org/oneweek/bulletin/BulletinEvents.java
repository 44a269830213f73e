package org.oneweek.bulletin;

/**
 * What the board tells others: published after each change, within its transaction.
 */
public final class BulletinEvents {

	private BulletinEvents() {
	}

	/** A villager followed up on a case (nothing private in here). */
	public record FollowUpReceived(long followUpId, long caseId, String reference, long villageId, FollowUpKind kind,
			boolean reopened) {

	}

	/** Something shown on a village's board changed (villagers enlisted, duty phone). */
	public record BoardChanged(long villageId) {

	}

}
