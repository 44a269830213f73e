package org.oneweek.reconciliation;

import java.time.Instant;

/**
 * A person's decision on a pair: who, when, and whether they paired the items by hand.
 */
public record Decision(Pair pair, Verdict verdict, boolean manual, String decidedBy, Instant decidedAt) {

}
