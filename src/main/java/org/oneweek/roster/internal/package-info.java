/**
 * The roster's inside: settings, loading a planning problem from the database and writing
 * the solved roster back, planning runs in the background, edits and publication,
 * calendars and imports, and the reads behind the planner's board and the change history.
 */
@NullMarked
package org.oneweek.roster.internal;

import org.jspecify.annotations.NullMarked;
