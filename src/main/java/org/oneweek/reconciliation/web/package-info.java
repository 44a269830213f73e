/**
 * The reconciliation's pages: the week's review (proposals with their scores and reasons,
 * confirm, reject, pair by hand), the printable report, the district's blind spots, and
 * the "is it one of these?" list shown at intake.
 */
@NullMarked
package org.oneweek.reconciliation.web;

import org.jspecify.annotations.NullMarked;
