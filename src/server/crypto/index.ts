export { CPR_KEY_BYTES, CprKey, CprKeyError, createCprKeyring, findCprKey } from './cpr-key.js';
export type { CprKeyErrorCode, CprKeyring } from './cpr-key.js';
export { CprCryptoError, cprLookupHash, decryptCpr, encryptCpr, needsReencryption } from './cpr-cipher.js';
export type { CprCryptoErrorCode } from './cpr-cipher.js';
export { CPR_KEY_ENV, CPR_KEY_FILE, CPR_PREVIOUS_KEYS_ENV, decodeKey, loadCprKeyring } from './key-loading.js';
export type { LoadCprKeyringOptions, LoadedCprKeyring } from './key-loading.js';
export { createAuditChainVerifier, hashAuditEvent, sha256Hex, verifyAuditChain } from './audit-hash.js';
export type { AuditChainOptions } from './audit-hash.js';
