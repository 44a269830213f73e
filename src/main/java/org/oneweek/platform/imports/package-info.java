/**
 * Imports of spreadsheets (CSV in UTF-8 or GB18030, Excel .xlsx): reading, per-row
 * errors, a preview kept in the database, and an all-or-nothing apply.
 */
@NullMarked
package org.oneweek.platform.imports;

import org.jspecify.annotations.NullMarked;
