/**
 * The board's pages, the case lookup, the follow-up form and queue, tasks for villagers,
 * and the Open311 endpoints.
 */
@NullMarked
package org.oneweek.bulletin.web;

import org.jspecify.annotations.NullMarked;
