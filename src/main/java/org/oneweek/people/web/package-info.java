/**
 * Pages: login, first setup, one's own account, and the organization department's
 * members, units and accounts.
 */
@NullMarked
package org.oneweek.people.web;

import org.jspecify.annotations.NullMarked;
