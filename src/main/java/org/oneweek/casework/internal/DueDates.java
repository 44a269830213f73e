package org.oneweek.casework.internal;

import java.time.Instant;

import org.oneweek.casework.CaseType;
import org.oneweek.casework.Deadlines.Due;
import org.oneweek.casework.Urgency;

/**
 * The deadlines of a case of a type and urgency received (or restarted) at an instant:
 * the rules the organization department sets, as {@link CaseFile} needs them.
 */
@FunctionalInterface
public interface DueDates {

	Due due(CaseType type, Urgency urgency, Instant start);

}
