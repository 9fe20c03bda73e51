import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptCpr, encryptCpr } from './cpr-cipher.js';
import { CprKeyError } from './cpr-key.js';
import { loadCprKeyring } from './key-loading.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medspiller-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<CprKeyError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CprKeyError) return error;
    throw error;
  }
  throw new Error('expected a CprKeyError');
}

describe('loadCprKeyring', () => {
  it('takes the key from MEDSPILLER_CPR_KEY, tolerating whitespace and base64url', async () => {
    const raw = randomBytes(32);
    const a = await loadCprKeyring({
      env: { MEDSPILLER_CPR_KEY: ` ${raw.toString('base64')}\n` },
      dataDir: dir,
      production: true,
    });
    const b = await loadCprKeyring({
      env: { MEDSPILLER_CPR_KEY: raw.toString('base64url') },
      dataDir: dir,
      production: true,
    });
    expect(a.source).toBe('env');
    expect(a.keyring.current.id).toBe(b.keyring.current.id);
    await expect(stat(join(dir, 'cpr.key'))).rejects.toThrow();
  });

  it('rejects keys of the wrong length or alphabet without printing them', async () => {
    for (const key of [
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      `${randomBytes(32).toString('hex')}!`,
    ]) {
      const error = await failure(
        loadCprKeyring({ env: { MEDSPILLER_CPR_KEY: key }, dataDir: dir, production: false }),
      );
      expect(error.code).toBe('cpr_key_invalid');
      expect(error.message).toContain('MEDSPILLER_CPR_KEY');
      expect(error.message).not.toContain(key.slice(0, 8));
    }
    const short = await failure(
      loadCprKeyring({
        env: { MEDSPILLER_CPR_KEY: randomBytes(16).toString('base64') },
        dataDir: dir,
        production: false,
      }),
    );
    expect(short.message).toMatch(/exactly 32 bytes; it decodes to 16 bytes/);
  });

  it('requires the variable in production, even when a key file exists', async () => {
    await loadCprKeyring({ env: {}, dataDir: dir, production: false });
    const error = await failure(loadCprKeyring({ env: {}, dataDir: dir, production: true }));
    expect(error.code).toBe('cpr_key_missing');
    expect(error.message).toContain('MEDSPILLER_CPR_KEY');
  });

  it('generates a development key file once, mode 0600, and reuses it', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = await loadCprKeyring({ env: {}, dataDir, production: false });
    expect(first.source).toBe('generated');
    expect(first.path).toBe(join(dataDir, 'cpr.key'));
    expect((await stat(join(dataDir, 'cpr.key'))).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(join(dataDir, 'cpr.key'), 'utf8')).trim(), 'base64')).toHaveLength(32);

    const second = await loadCprKeyring({ env: { MEDSPILLER_CPR_KEY: '' }, dataDir, production: false });
    expect(second.source).toBe('file');
    expect(second.keyring.current.id).toBe(first.keyring.current.id);
    expect(decryptCpr(encryptCpr('0101901234', first.keyring), second.keyring)).toBe('0101901234');
  });

  it('gives one key to concurrent first starts', async () => {
    const loaded = await Promise.all(
      [1, 2, 3, 4].map(() => loadCprKeyring({ env: {}, dataDir: dir, production: false })),
    );
    expect(new Set(loaded.map((l) => l.keyring.current.id)).size).toBe(1);
  });

  it('refuses a key file others can read, and a damaged one, without printing it', async () => {
    const path = join(dir, 'cpr.key');
    const key = randomBytes(32).toString('base64');
    await writeFile(path, key, { mode: 0o644 });
    await chmod(path, 0o644);
    const open = await failure(loadCprKeyring({ env: {}, dataDir: dir, production: false }));
    expect(open.code).toBe('cpr_key_file_permissions');
    expect(open.message).toContain('chmod 600');
    await chmod(path, 0o600);
    expect((await loadCprKeyring({ env: {}, dataDir: dir, production: false })).source).toBe('file');

    const damaged = randomBytes(20).toString('base64');
    await writeFile(path, damaged, { mode: 0o600 });
    const error = await failure(loadCprKeyring({ env: {}, dataDir: dir, production: false }));
    expect(error.code).toBe('cpr_key_invalid');
    expect(error.message).not.toContain(damaged.slice(0, 8));
  });

  it('reads previous keys for rotation', async () => {
    const oldRaw = randomBytes(32).toString('base64');
    const old = await loadCprKeyring({ env: { MEDSPILLER_CPR_KEY: oldRaw }, dataDir: dir, production: true });
    const text = encryptCpr('1503872219', old.keyring);
    const rotated = await loadCprKeyring({
      env: {
        MEDSPILLER_CPR_KEY: randomBytes(32).toString('base64'),
        MEDSPILLER_CPR_PREVIOUS_KEYS: `${randomBytes(32).toString('base64')}, ${oldRaw}`,
      },
      dataDir: dir,
      production: true,
    });
    expect(rotated.keyring.previous).toHaveLength(2);
    expect(decryptCpr(text, rotated.keyring)).toBe('1503872219');
    const bad = await failure(
      loadCprKeyring({
        env: { MEDSPILLER_CPR_KEY: oldRaw, MEDSPILLER_CPR_PREVIOUS_KEYS: 'abc' },
        dataDir: dir,
        production: true,
      }),
    );
    expect(bad.message).toContain('MEDSPILLER_CPR_PREVIOUS_KEYS entry 1');
  });
});
