/**
 * People: the party members who serve, their availability and skills, the responsible
 * units, and the user accounts that sign in, with their roles.
 */
@NullMarked
package org.oneweek.people;

import org.jspecify.annotations.NullMarked;
