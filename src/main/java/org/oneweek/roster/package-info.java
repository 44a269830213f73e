/**
 * The roster: terms (a village, an ISO week, a team of three members with a lead) and the
 * troubleshooter of each township or street per week. The planner comes with its own
 * issue.
 */
@NullMarked
package org.oneweek.roster;

import org.jspecify.annotations.NullMarked;
