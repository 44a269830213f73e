/**
 * The roster's pages: the planner (runs with live progress, the board with swaps, pins
 * and publication, the score in words), village schedules, settings and change history
 * for the organization department; a member's own roster and calendar feed.
 */
@NullMarked
package org.oneweek.roster.web;

import org.jspecify.annotations.NullMarked;
