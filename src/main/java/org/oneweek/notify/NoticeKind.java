package org.oneweek.notify;

/**
 * What a notice is about. Its text is the message {@code notify.text.<KIND>} with the
 * notice's arguments.
 */
public enum NoticeKind {

	/**
	 * An urgent case for the troubleshooter on duty: {0} number, {1} public title, {2}
	 * village.
	 */
	URGENT_CASE(true),
	/** A deadline passed: {0} number, {1} which deadline, {2} level. */
	ESCALATED(true),
	/** The evening's diary is still empty: {0} the day. */
	DIARY_MISSING(false),
	/** A term or duty was published: {0} the week. */
	ROSTER_PUBLISHED(false),
	/** The published roster changed: {0} the week. */
	ROSTER_CHANGED(false),
	/** A villager followed up on a case: {0} number. */
	FOLLOW_UP(false),
	/** Cases handed over, waiting for acknowledgement: {0} how many, {1} village. */
	HANDOVER_WAITING(false);

	private final boolean urgent;

	NoticeKind(boolean urgent) {
		this.urgent = urgent;
	}

	/** Whether it goes out in quiet hours too. */
	public boolean urgent() {
		return urgent;
	}

}
