// The node:crypto binding for the audit hash chain in src/core/audit, which takes its
// SHA-256 function as a parameter to stay free of platform code.

import { createHash } from 'node:crypto';
import {
  createChainVerifier,
  hashEvent,
  verifyChain,
  type AuditEvent,
  type ChainedAuditEvent,
  type ChainVerification,
  type ChainVerifier,
  type VerifyChainOptions,
} from '../../core/audit/index.js';

/** SHA-256 of the UTF-8 bytes of `input`, as 64 lower-case hex digits. */
export function sha256Hex(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

export function hashAuditEvent(prevHash: string, event: AuditEvent): string {
  return hashEvent(prevHash, event, sha256Hex);
}

export type AuditChainOptions = Omit<VerifyChainOptions, 'sha256Hex'>;

export function verifyAuditChain(
  events: Iterable<ChainedAuditEvent>,
  options: AuditChainOptions = {},
): ChainVerification {
  return verifyChain(events, { ...options, sha256Hex });
}

export function createAuditChainVerifier(options: AuditChainOptions = {}): ChainVerifier {
  return createChainVerifier({ ...options, sha256Hex });
}
