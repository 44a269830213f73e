/**
 * The read model of the ledger's figures ({@code LedgerFacts}) and the callback attempts.
 */
@NullMarked
package org.oneweek.insights.internal;

import org.jspecify.annotations.NullMarked;
