// CPR numbers at rest.
//
// Ciphertext: `v1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>` — AES-256-GCM, 12-byte random
// IV, 16-byte tag, plaintext the 10 ASCII digits. The header `v1:<key id>` (plus an optional
// context such as the municipality id) is authenticated as associated data, so neither the
// header nor the context can be changed without decryption failing.
//
// Lookup: HMAC-SHA-256 of the 10 digits under a separate subkey, as hex. It lets the database
// find a citizen by CPR number with an index, without holding anything that decrypts.

import { findCprKey, type CprKeyring } from './cpr-key.js';

const VERSION = 'v1';
const CIPHERTEXT = /^v1:([0-9a-f]{8}):([A-Za-z0-9_-]+)$/;
const TEN_DIGITS = /^\d{10}$/;

export type CprCryptoErrorCode =
  'cpr_plaintext_invalid' | 'cpr_ciphertext_format' | 'cpr_key_unknown' | 'cpr_decrypt_failed';

/** Encryption or decryption failed; the message never holds the number or the ciphertext. */
export class CprCryptoError extends Error {
  constructor(
    readonly code: CprCryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CprCryptoError';
  }
}

/** Encrypts the 10 canonical digits under the keyring's current key. */
export function encryptCpr(digits: string, keyring: CprKeyring, context = ''): string {
  assertDigits(digits);
  const key = keyring.current;
  const sealed = key.seal(Buffer.from(digits, 'ascii'), associatedData(key.id, context));
  return `${VERSION}:${key.id}:${sealed.toString('base64url')}`;
}

/** The 10 digits back; `context` must be the one given to `encryptCpr`. */
export function decryptCpr(ciphertext: string, keyring: CprKeyring, context = ''): string {
  const match = CIPHERTEXT.exec(ciphertext);
  if (match === null) throw new CprCryptoError('cpr_ciphertext_format', 'not a v1 CPR ciphertext');
  const id = match[1] ?? '';
  const key = findCprKey(keyring, id);
  if (key === undefined) throw new CprCryptoError('cpr_key_unknown', `no CPR key with id ${id} is configured`);
  const plain = key.open(Buffer.from(match[2] ?? '', 'base64url'), associatedData(id, context));
  const digits = plain?.toString('ascii');
  if (digits === undefined || !TEN_DIGITS.test(digits))
    throw new CprCryptoError('cpr_decrypt_failed', 'CPR ciphertext failed authentication');
  return digits;
}

/** True when `ciphertext` was written with another key than the current one. */
export function needsReencryption(ciphertext: string, keyring: CprKeyring): boolean {
  const match = CIPHERTEXT.exec(ciphertext);
  return match === null || match[1] !== keyring.current.id;
}

/**
 * Keyed lookup hash (64 hex digits) of the 10 digits under the current key. Equal numbers
 * give equal hashes under one key; a rotated key gives new hashes, so re-hash with re-encryption.
 */
export function cprLookupHash(digits: string, keyring: CprKeyring): string {
  assertDigits(digits);
  return keyring.current.mac(digits);
}

function associatedData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8');
}

function assertDigits(digits: string): void {
  if (!TEN_DIGITS.test(digits))
    throw new CprCryptoError('cpr_plaintext_invalid', 'a CPR number must be given as exactly 10 digits');
}
