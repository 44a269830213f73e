/**
 * The ledger's pages and its JSON API.
 */
@NullMarked
package org.oneweek.casework.web;

import org.jspecify.annotations.NullMarked;
