import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, createPasswordBlocklist, type PasswordBlocklist } from '../../../core/password/index.js';
import { invalid } from '../../errors.js';

// Passwords of local accounts: argon2id hashes, and the rules a new password must pass.

// 49,000 common and breached passwords; built once, on first use (about 40 ms).
let blocklist: PasswordBlocklist | undefined;

/** Refuses a password that is too short, too common or made of the person's own name or e-mail. */
export function assertGoodPassword(password: string, person: { email: string; name: string }): void {
  blocklist ??= createPasswordBlocklist(dictionary['passwords-common']);
  const problems = checkPassword(password, { userInputs: [person.email, person.name, 'medspiller'], blocklist });
  if (problems.length > 0) {
    throw invalid(
      { da: problems.map((p) => p.message_da).join(' '), en: problems.map((p) => p.message_en).join(' ') },
      { problems: problems.map((p) => p.code) },
    );
  }
}

export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password);

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same,
// so response times do not reveal which e-mails have accounts. Started at load, not awaited
// there: no top-level await in a module that others import in a cycle.
const DUMMY_HASH = hash('medspiller-no-such-user');

/** Spends the time of a real check, for a login without an account or password. */
export async function verifyNothing(password: string): Promise<void> {
  await verify(await DUMMY_HASH, password);
}
