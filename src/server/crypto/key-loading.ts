// Where the CPR master key comes from.
//
// Production: MEDSPILLER_CPR_KEY must be set (base64 of 32 random bytes, e.g.
// `openssl rand -base64 32`), from a secret store, never from a file next to the data.
// During a rotation, MEDSPILLER_CPR_PREVIOUS_KEYS holds the old keys (comma-separated) until
// every row is re-encrypted.
// Development: without the variable a key is generated once into `<dataDir>/cpr.key`
// (mode 0600) so `npm start` works with no set-up; losing that file loses the CPR numbers
// encrypted with it.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CPR_KEY_BYTES, CprKey, CprKeyError, createCprKeyring, type CprKeyring } from './cpr-key.js';

export const CPR_KEY_ENV = 'MEDSPILLER_CPR_KEY';
export const CPR_PREVIOUS_KEYS_ENV = 'MEDSPILLER_CPR_PREVIOUS_KEYS';
export const CPR_KEY_FILE = 'cpr.key';

export interface LoadCprKeyringOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly dataDir: string;
  /** In production the key file is never used: the variable must be set. */
  readonly production: boolean;
}

export interface LoadedCprKeyring {
  readonly keyring: CprKeyring;
  /** Where the current key came from, for a start-up log line. */
  readonly source: 'env' | 'file' | 'generated';
  /** The key file's path when source is 'file' or 'generated'. */
  readonly path?: string;
}

export async function loadCprKeyring(options: LoadCprKeyringOptions): Promise<LoadedCprKeyring> {
  const previous = parseKeyList(options.env[CPR_PREVIOUS_KEYS_ENV], CPR_PREVIOUS_KEYS_ENV);
  const fromEnv = options.env[CPR_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return { keyring: createCprKeyring(decodeKey(fromEnv, CPR_KEY_ENV), previous), source: 'env' };
  }
  if (options.production) {
    throw new CprKeyError(
      'cpr_key_missing',
      `${CPR_KEY_ENV} must be set in production (base64 of ${String(CPR_KEY_BYTES)} random bytes)`,
    );
  }
  const path = join(options.dataDir, CPR_KEY_FILE);
  const existing = await readKeyFile(path);
  if (existing !== null) return { keyring: createCprKeyring(existing, previous), source: 'file', path };

  await mkdir(options.dataDir, { recursive: true });
  try {
    // 'wx' creates or fails, so two processes starting together cannot write two keys.
    await writeFile(path, `${randomBytes(CPR_KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
    const raced = await readKeyFile(path);
    if (raced !== null) return { keyring: createCprKeyring(raced, previous), source: 'file', path };
  }
  const generated = await readKeyFile(path);
  if (generated === null) throw new CprKeyError('cpr_key_missing', `${path} could not be created`);
  return { keyring: createCprKeyring(generated, previous), source: 'generated', path };
}

const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

/** A key from base64 (standard or URL-safe); the message names `name`, never the text. */
export function decodeKey(text: string, name: string): CprKey {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw new CprKeyError('cpr_key_invalid', `${name} is not base64`);
  const bytes = Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64');
  if (bytes.length !== CPR_KEY_BYTES) {
    throw new CprKeyError(
      'cpr_key_invalid',
      `${name} must be base64 of exactly ${String(CPR_KEY_BYTES)} bytes; it decodes to ${String(bytes.length)} bytes`,
    );
  }
  return CprKey.fromMasterKey(bytes, name);
}

function parseKeyList(text: string | undefined, name: string): CprKey[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((part, i) => decodeKey(part, `${name} entry ${String(i + 1)}`));
}

async function readKeyFile(path: string): Promise<CprKey | null> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  // Group or world access to the key defeats encrypting the numbers at all.
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new CprKeyError('cpr_key_file_permissions', `${path} must be readable by its owner only (chmod 600 ${path})`);
  }
  return decodeKey(await readFile(path, 'utf8'), path);
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
