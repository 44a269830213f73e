/**
 * The reconciliation's machinery: the sentence-embedding model (loaded once per JVM, in
 * the background), the stored embeddings and the worker that computes them after a case
 * is recorded, the matching itself, and the decisions' table.
 */
@NullMarked
package org.oneweek.reconciliation.internal;

import org.jspecify.annotations.NullMarked;
