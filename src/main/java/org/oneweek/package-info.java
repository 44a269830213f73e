/**
 * oneweek, a modular monolith: one top-level package per module.
 */
@NullMarked
package org.oneweek;

import org.jspecify.annotations.NullMarked;
