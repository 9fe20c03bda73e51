export {
  AuditCanonicalError,
  canonicalAuditEvent,
  canonicalInstant,
  canonicalJson,
  canonicalSeq,
} from './canonical.js';
export type { AuditEvent, AuditId, JsonObject, JsonValue } from './canonical.js';
export { createChainVerifier, GENESIS_HASH, hashEvent, verifyChain } from './chain.js';
export type {
  ChainBreakReason,
  ChainedAuditEvent,
  ChainPoint,
  ChainVerification,
  ChainVerifier,
  Sha256Hex,
  VerifyChainOptions,
} from './chain.js';
