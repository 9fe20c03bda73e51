// The audit log is a hash chain per municipality: each event's hash covers the previous hash
// and the event's canonical form, so changing, removing or reordering a stored event breaks
// every link after it. A chain alone cannot reveal that its newest events were cut off or
// that everything from some event on was rewritten and re-hashed; for that, copy a recent
// (seq, hash) now and then to where the database's writers cannot change it, and pass it
// as `checkpoint`.
//
// Core stays free of I/O and platform bindings, so the SHA-256 function is a parameter;
// src/server/crypto binds it to node:crypto.

import { canonicalAuditEvent, canonicalSeq, type AuditEvent } from './canonical.js';

/** The prevHash of the first event of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 of the UTF-8 bytes of `input`, as 64 lower-case hex digits. */
export type Sha256Hex = (input: string) => string;

/** `sha256(prevHash + '\n' + canonical JSON of the event)`. */
export function hashEvent(prevHash: string, event: AuditEvent, sha256Hex: Sha256Hex): string {
  return sha256Hex(`${prevHash}\n${canonicalAuditEvent(event)}`);
}

/** An event as stored: with the hash it was linked by and the hash of the one before. */
export interface ChainedAuditEvent extends AuditEvent {
  readonly prev_hash: string;
  readonly hash: string;
}

/** A position in a chain: the last verified (or anchored) event. */
export interface ChainPoint {
  readonly seq: bigint;
  readonly hash: string;
}

export type ChainBreakReason =
  /** An event of another municipality sits in this chain. */
  | 'municipality_mismatch'
  /** seq is not one more than the event before: an event was removed, inserted or moved. */
  | 'seq_gap'
  /** prev_hash is not the hash of the event before. */
  | 'prev_hash_mismatch'
  /** The stored hash does not match the event's content: the event was changed. */
  | 'hash_mismatch'
  /** The checkpoint's event is missing or has another hash: the tail was cut off or rewritten. */
  | 'checkpoint_mismatch';

/** `count`: events verified; on failure, those before the broken link. `head`: the last one. */
export type ChainVerification =
  | { readonly ok: true; readonly count: number; readonly head: ChainPoint }
  | { readonly ok: false; readonly brokenAt: bigint; readonly reason: ChainBreakReason; readonly count: number };

export interface VerifyChainOptions {
  readonly sha256Hex: Sha256Hex;
  /** Where the events continue from; default: the chain's start (seq 0, genesis hash). */
  readonly from?: ChainPoint;
  /** A (seq, hash) kept outside the database; the chain must pass through it. */
  readonly checkpoint?: ChainPoint;
}

/** Verifies events in stored order (ascending seq); reports the first broken link. */
export function verifyChain(events: Iterable<ChainedAuditEvent>, options: VerifyChainOptions): ChainVerification {
  const verifier = createChainVerifier(options);
  for (const event of events) {
    const result = verifier.push(event);
    if (result !== null) return result;
  }
  return verifier.finish();
}

export interface ChainVerifier {
  /** Checks the next event; returns the failure, or null while the chain holds. */
  push(event: ChainedAuditEvent): ChainVerification | null;
  /** The verdict after the last event (checks that the checkpoint was passed). */
  finish(): ChainVerification;
}

/** Incremental form of `verifyChain`, for verifying a long chain page by page. */
export function createChainVerifier(options: VerifyChainOptions): ChainVerifier {
  let previous: ChainPoint = options.from ?? { seq: 0n, hash: GENESIS_HASH };
  const checkpoint = options.checkpoint;
  if (checkpoint !== undefined && checkpoint.seq < previous.seq)
    throw new RangeError('checkpoint lies before the start of the verified range');
  let checkpointPassed =
    checkpoint !== undefined && checkpoint.seq === previous.seq && checkpoint.hash === previous.hash;
  let municipality: string | null = null;
  let count = 0;
  let failure: ChainVerification | null = null;

  const fail = (brokenAt: bigint, reason: ChainBreakReason): ChainVerification => {
    failure = { ok: false, brokenAt, reason, count };
    return failure;
  };

  return {
    push(event) {
      if (failure !== null) return failure;
      const seq = canonicalSeq(event.seq);
      const eventMunicipality = event.municipality_id.toString();
      municipality ??= eventMunicipality;
      if (eventMunicipality !== municipality) return fail(seq, 'municipality_mismatch');
      if (seq !== previous.seq + 1n) return fail(seq, 'seq_gap');
      if (event.prev_hash !== previous.hash) return fail(seq, 'prev_hash_mismatch');
      const hash = hashEvent(event.prev_hash, event, options.sha256Hex);
      if (hash !== event.hash) return fail(seq, 'hash_mismatch');
      if (checkpoint !== undefined && seq === checkpoint.seq) {
        if (hash !== checkpoint.hash) return fail(seq, 'checkpoint_mismatch');
        checkpointPassed = true;
      }
      previous = { seq, hash };
      count++;
      return null;
    },
    finish() {
      if (failure !== null) return failure;
      if (checkpoint !== undefined && !checkpointPassed) return fail(checkpoint.seq, 'checkpoint_mismatch');
      return { ok: true, count, head: previous };
    },
  };
}
