/**
 * The home page: what the signed-in person has to do today, for each role.
 */
@NullMarked
package org.oneweek.home;

import org.jspecify.annotations.NullMarked;
