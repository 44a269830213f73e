/**
 * The tamper-evident ledger: every case event appended as a leaf of a Merkle tree (RFC
 * 6962 / RFC 9162 hashing) in the transaction that records it, signed checkpoints (C2SP
 * tlog-checkpoint, Ed25519 signed notes) and the tree served as C2SP tlog-tiles, so that
 * anyone can check that the record was not altered afterwards without trusting the
 * server. Private fields of an event enter the log only as an HMAC with the case's
 * secret.
 */
@NullMarked
package org.oneweek.transparency;

import org.jspecify.annotations.NullMarked;
