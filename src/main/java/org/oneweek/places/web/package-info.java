/**
 * The organization department's pages for places.
 */
@NullMarked
package org.oneweek.places.web;

import org.jspecify.annotations.NullMarked;
