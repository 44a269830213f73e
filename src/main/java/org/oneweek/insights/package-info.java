/**
 * Oversight for the organization department: the three rates (contact, resolution,
 * satisfaction) and the composite, times, overdue, reopened and escalated cases, funding
 * and diary compliance, by place, category, type, unit, member, team and period; every
 * figure drills down to the cases it counts. Definitions: {@link Measure}.
 */
@NullMarked
package org.oneweek.insights;

import org.jspecify.annotations.NullMarked;
