/**
 * The work diary (民情日记) of each secretary, the morning meetings and inspection walks of a
 * term, diary compliance for the organization department, and the term's hand-over report
 * to the next team.
 */
@NullMarked
package org.oneweek.diary;

import org.jspecify.annotations.NullMarked;
