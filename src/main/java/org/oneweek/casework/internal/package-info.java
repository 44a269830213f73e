/**
 * The ledger's machinery: photo cleaning, the deadline job, exports, the officials' list
 * import, the demo cases.
 */
@NullMarked
package org.oneweek.casework.internal;

import org.jspecify.annotations.NullMarked;
