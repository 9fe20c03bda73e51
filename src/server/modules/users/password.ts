import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, createPasswordBlocklist, type PasswordBlocklist } from '../../../core/password/index.js';
import { invalid } from '../../errors.js';

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
