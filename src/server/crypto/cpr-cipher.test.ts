import { createDecipheriv, createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CprCryptoError, cprLookupHash, decryptCpr, encryptCpr, needsReencryption } from './cpr-cipher.js';
import { CprKey, CprKeyError, createCprKeyring } from './cpr-key.js';

// RFC 5869 HKDF written out with HMAC, to check the documented derivation independently.
function hkdf(ikm: Buffer, salt: Buffer, info: string | Buffer, length: number): Buffer {
  const infoBytes = typeof info === 'string' ? Buffer.from(info, 'utf8') : info;
  const prk = createHmac('sha256', salt).update(ikm).digest();
  const blocks: Buffer[] = [];
  let t = Buffer.alloc(0);
  for (let i = 1; blocks.length * 32 < length; i++) {
    t = createHmac('sha256', prk)
      .update(Buffer.concat([t, infoBytes, Buffer.from([i])]))
      .digest();
    blocks.push(t);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

const master = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const otherMaster = Buffer.alloc(32, 7);
const keyring = createCprKeyring(CprKey.fromMasterKey(master));
const SALT = Buffer.from('medspiller/cpr/v1', 'utf8');

describe('key derivation', () => {
  it('the HKDF used by these tests matches RFC 5869 test case 1', () => {
    const okm = hkdf(
      Buffer.alloc(22, 0x0b),
      Buffer.from('000102030405060708090a0b0c', 'hex'),
      Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'),
      42,
    );
    expect(okm.toString('hex')).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
  });

  it('derives key id, encryption key and lookup key as documented', () => {
    expect(keyring.current.id).toBe(hkdf(master, SALT, 'medspiller/cpr/key-id', 4).toString('hex'));
    const lookupKey = hkdf(master, SALT, 'medspiller/cpr/lookup-hmac-sha256', 32);
    expect(cprLookupHash('0101901234', keyring)).toBe(
      createHmac('sha256', lookupKey).update('0101901234').digest('hex'),
    );

    // Decrypt by hand from the documented format.
    const text = encryptCpr('0101901234', keyring, 'm1');
    const [version, id, payload] = text.split(':');
    const sealed = Buffer.from(payload ?? '', 'base64url');
    expect(sealed.length).toBe(12 + 10 + 16);
    const decipher = createDecipheriv(
      'aes-256-gcm',
      hkdf(master, SALT, 'medspiller/cpr/aes-256-gcm', 32),
      sealed.subarray(0, 12),
    );
    decipher.setAAD(Buffer.from(`${version ?? ''}:${id ?? ''}:m1`));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const plain = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
    expect(plain.toString('ascii')).toBe('0101901234');
  });

  it('rejects master keys of the wrong length', () => {
    expect(() => CprKey.fromMasterKey(Buffer.alloc(16))).toThrow(CprKeyError);
    expect(() => createCprKeyring(CprKey.fromMasterKey(master), [CprKey.fromMasterKey(master)])).toThrow(
      /share the id/,
    );
  });

  it('never shows key material in JSON or inspect', () => {
    const shown = JSON.stringify(keyring) + inspect(keyring, { depth: 10, showHidden: true });
    expect(shown).toContain(keyring.current.id);
    for (const info of ['medspiller/cpr/aes-256-gcm', 'medspiller/cpr/lookup-hmac-sha256']) {
      const sub = hkdf(master, SALT, info, 32);
      for (const encoding of ['hex', 'base64'] as const)
        expect(shown).not.toContain(sub.toString(encoding).slice(0, 16));
    }
    expect(shown).not.toContain(master.toString('hex').slice(0, 16));
  });
});

describe('encryptCpr / decryptCpr', () => {
  it('round-trips any 10 digits, with and without context', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.string(), (digits, context) => {
        const text = encryptCpr(digits, keyring, context);
        expect(text).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9_-]{51}$/);
        expect(text).not.toContain(digits);
        expect(decryptCpr(text, keyring, context)).toBe(digits);
      }),
      { numRuns: 300 },
    );
  });

  it('uses a fresh IV each time', () => {
    const texts = new Set(Array.from({ length: 50 }, () => encryptCpr('0101901234', keyring)));
    expect(texts.size).toBe(50);
  });

  it('rejects any altered byte, header or context', () => {
    const text = encryptCpr('0101901234', keyring, 'm1');
    const [version, id, payload] = text.split(':') as [string, string, string];
    const sealed = Buffer.from(payload, 'base64url');
    for (let i = 0; i < sealed.length; i++) {
      const altered = Buffer.from(sealed);
      altered[i] = (altered[i] ?? 0) ^ 0x01;
      expect(() => decryptCpr(`${version}:${id}:${altered.toString('base64url')}`, keyring, 'm1')).toThrow(
        expect.objectContaining({ code: 'cpr_decrypt_failed' }),
      );
    }
    const failure = (t: string, context = 'm1') => {
      try {
        decryptCpr(t, keyring, context);
      } catch (e) {
        return e instanceof CprCryptoError ? e.code : 'other';
      }
      return 'none';
    };
    expect(failure(text, 'm2')).toBe('cpr_decrypt_failed');
    expect(failure(text, '')).toBe('cpr_decrypt_failed');
    expect(failure(`${version}:${id}:${sealed.subarray(0, 20).toString('base64url')}`)).toBe('cpr_decrypt_failed');
    expect(failure(`${version}:00000000:${payload}`)).toBe('cpr_key_unknown');
    expect(failure(`v2:${id}:${payload}`)).toBe('cpr_ciphertext_format');
    expect(failure('0101901234')).toBe('cpr_ciphertext_format');
    expect(failure(text)).toBe('none');
  });

  it('refuses to encrypt anything but 10 digits, without echoing it', () => {
    for (const bad of ['010190-1234', '123', 'abcdefghij', '01019012345']) {
      let error: unknown;
      try {
        encryptCpr(bad, keyring);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CprCryptoError);
      expect((error as Error).message).not.toContain(bad);
    }
    expect(() => cprLookupHash('010190-1234', keyring)).toThrow(CprCryptoError);
  });

  it('decrypts with previous keys after rotation and says what to re-encrypt', () => {
    const oldText = encryptCpr('1503872219', keyring);
    const rotated = createCprKeyring(CprKey.fromMasterKey(otherMaster), [keyring.current]);
    expect(decryptCpr(oldText, rotated)).toBe('1503872219');
    expect(needsReencryption(oldText, rotated)).toBe(true);
    const newText = encryptCpr('1503872219', rotated);
    expect(needsReencryption(newText, rotated)).toBe(false);
    expect(newText.split(':')[1]).toBe(rotated.current.id);
    expect(() => decryptCpr(newText, keyring)).toThrow(expect.objectContaining({ code: 'cpr_key_unknown' }));
  });
});

describe('cprLookupHash', () => {
  it('is deterministic per key and differs across keys and numbers', () => {
    const other = createCprKeyring(CprKey.fromMasterKey(otherMaster));
    const a = cprLookupHash('0101901234', keyring);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(cprLookupHash('0101901234', keyring)).toBe(a);
    expect(cprLookupHash('0101901235', keyring)).not.toBe(a);
    expect(cprLookupHash('0101901234', other)).not.toBe(a);
    // Not an HMAC under the master key itself: the lookup key is a separate subkey.
    expect(a).not.toBe(createHmac('sha256', master).update('0101901234').digest('hex'));
  });
});
