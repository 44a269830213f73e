package org.oneweek.casework.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Deadlines.Due;

/**
 * A case's deadlines and how they are kept: when the villager must first be contacted and
 * the problem solved, when they were first contacted, and how far the case was escalated
 * for missing them. A value: each change makes a new one.
 */
record Schedule(Instant firstContactDue, Instant resolutionDue, @Nullable Instant firstContactAt, int escalationLevel) {

	/**
	 * The earlier of these deadlines and the new ones (a higher urgency never loosens).
	 */
	Schedule tightenedTo(Due due) {
		return new Schedule(earlier(firstContactDue, due.firstContact()), earlier(resolutionDue, due.resolution()),
				firstContactAt, escalationLevel);
	}

	/** The villager was contacted; the first time counts. */
	Schedule contactedAt(Instant at) {
		return (firstContactAt != null) ? this : new Schedule(firstContactDue, resolutionDue, at, escalationLevel);
	}

	/** Work starts again: new deadlines, nobody contacted yet, nothing escalated. */
	static Schedule restarted(Due due) {
		return new Schedule(due.firstContact(), due.resolution(), null, 0);
	}

	/** Escalated to a level; a lower one later does not lower it. */
	Schedule escalatedTo(int level) {
		return new Schedule(firstContactDue, resolutionDue, firstContactAt, Math.max(escalationLevel, level));
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
