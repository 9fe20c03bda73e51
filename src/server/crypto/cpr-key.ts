import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

/** Length of a CPR master key and of each derived subkey. */
export const CPR_KEY_BYTES = 32;

// HKDF-SHA-256 (RFC 5869) turns one master key into independent subkeys, so the key that
// makes lookup hashes can never decrypt and vice versa. Salt and labels are fixed and
// versioned: changing any of them changes every derived key.
const HKDF_SALT = Buffer.from('medspiller/cpr/v1', 'utf8');
export const HKDF_INFO = {
  keyId: 'medspiller/cpr/key-id',
  encryption: 'medspiller/cpr/aes-256-gcm',
  lookup: 'medspiller/cpr/lookup-hmac-sha256',
} as const;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type CprKeyErrorCode = 'cpr_key_missing' | 'cpr_key_invalid' | 'cpr_key_file_permissions';

/** A key could not be had. Messages name the variable or file, never the key material. */
export class CprKeyError extends Error {
  constructor(
    readonly code: CprKeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CprKeyError';
  }
}

/**
 * The subkeys derived from one master key, with a short public id (8 hex digits) that is
 * written into every ciphertext so the right key is found after rotation. The key bytes sit
 * in private fields and are left out of JSON and util.inspect, so logging a key shows its id only.
 */
export class CprKey {
  readonly id: string;
  readonly #encryptionKey: Buffer;
  readonly #lookupKey: Buffer;

  private constructor(id: string, encryptionKey: Buffer, lookupKey: Buffer) {
    this.id = id;
    this.#encryptionKey = encryptionKey;
    this.#lookupKey = lookupKey;
  }

  static fromMasterKey(master: Uint8Array, name = 'the CPR key'): CprKey {
    if (master.length !== CPR_KEY_BYTES) {
      throw new CprKeyError(
        'cpr_key_invalid',
        `${name} must be ${String(CPR_KEY_BYTES)} bytes; it is ${String(master.length)}`,
      );
    }
    const derive = (info: string, length: number) => Buffer.from(hkdfSync('sha256', master, HKDF_SALT, info, length));
    return new CprKey(
      derive(HKDF_INFO.keyId, KEY_ID_BYTES).toString('hex'),
      derive(HKDF_INFO.encryption, CPR_KEY_BYTES),
      derive(HKDF_INFO.lookup, CPR_KEY_BYTES),
    );
  }

  /** AES-256-GCM with a fresh random 96-bit IV: `iv ‖ ciphertext ‖ tag`. */
  seal(plaintext: Buffer, aad: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }

  /** The plaintext of `seal`'s output, or null when it was altered or sealed otherwise. */
  open(sealed: Buffer, aad: Buffer): Buffer | null {
    if (sealed.length < IV_BYTES + TAG_BYTES) return null;
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.#encryptionKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      return null;
    }
  }

  /** HMAC-SHA-256 under the lookup subkey, as 64 hex digits. */
  mac(data: string): string {
    return createHmac('sha256', this.#lookupKey).update(data, 'utf8').digest('hex');
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }

  [inspect.custom](): string {
    return `CprKey(${this.id})`;
  }
}

/** The key new data is written with, and older keys kept to read data not yet re-encrypted. */
export interface CprKeyring {
  readonly current: CprKey;
  readonly previous: readonly CprKey[];
}

export function createCprKeyring(current: CprKey, previous: readonly CprKey[] = []): CprKeyring {
  const ids = new Set([current.id]);
  for (const key of previous) {
    // Two keys with one id would make old ciphertexts ambiguous (or the same key listed twice).
    if (ids.has(key.id)) throw new CprKeyError('cpr_key_invalid', `two CPR keys share the id ${key.id}`);
    ids.add(key.id);
  }
  return { current, previous: [...previous] };
}

export function findCprKey(keyring: CprKeyring, id: string): CprKey | undefined {
  return keyring.current.id === id ? keyring.current : keyring.previous.find((key) => key.id === id);
}
