/**
 * Security: login, sessions in the database, remember-me, lock-out, headers, and the
 * one-time setup of the first administrator.
 */
@NullMarked
package org.oneweek.people.internal;

import org.jspecify.annotations.NullMarked;
