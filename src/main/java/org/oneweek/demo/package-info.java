/**
 * The demo district (profile {@code demo}): a fictional district modelled on the source
 * story, with its streets, villages, members, accounts and terms around the current week.
 */
@NullMarked
package org.oneweek.demo;

import org.jspecify.annotations.NullMarked;
