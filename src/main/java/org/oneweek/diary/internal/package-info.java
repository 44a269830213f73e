/**
 * The diary's machinery: the evening reminder job, reactions to the ledger's events, term
 * look-ups.
 */
@NullMarked
package org.oneweek.diary.internal;

import org.jspecify.annotations.NullMarked;
