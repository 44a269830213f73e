/**
 * The case ledger (台账): a villager's problem from the morning meeting to a closed case,
 * with a reference number, an owner, deadlines, escalation, progress, funding, hand-over
 * between terms, and a timeline of events that is only ever appended to.
 */
@NullMarked
package org.oneweek.casework;

import org.jspecify.annotations.NullMarked;
