/**
 * The public bulletin board (公示栏): every village's board and its printed poster, the
 * public lookup of a case by its reference number, villagers' follow-ups and the
 * committee's queue of them, villagers enlisted in cases, and Open311 GeoReport v2 for
 * other systems. Nothing private ever leaves through it.
 */
@NullMarked
package org.oneweek.bulletin;

import org.jspecify.annotations.NullMarked;
