/**
 * Reconciliation (对账): for a village and a week, the problems villagers raised, the
 * officials' problem list and the inspections' findings, matched by meaning (a Chinese
 * sentence-embedding model running in the JVM, with the clerk's other evidence: category,
 * numbered places, numbers, shared words), reviewed by the team, and reported as matched,
 * villager-only (the officials' blind spots), official-only and finding-only.
 */
@NullMarked
package org.oneweek.reconciliation;

import org.jspecify.annotations.NullMarked;
