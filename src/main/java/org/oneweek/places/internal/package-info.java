/**
 * Places' internals: the spreadsheet import.
 */
@NullMarked
package org.oneweek.places.internal;

import org.jspecify.annotations.NullMarked;
