/**
 * The roster planner: the planning problem (posts to fill with members), its rules as
 * Timefold constraint streams, and the solver's configuration. Knows nothing of the
 * database or the web.
 */
@NullMarked
package org.oneweek.roster.planning;

import org.jspecify.annotations.NullMarked;
