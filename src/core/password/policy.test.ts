import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPasswordBlocklist } from './blocklist.js';
import { checkPassword } from './policy.js';

// A few of the most common passwords from published breach top lists.
const COMMON = [
  '123456',
  '123456789',
  'qwerty',
  'password',
  '111111',
  '12345678',
  'abc123',
  'password1',
  '1234567890',
  'iloveyou',
  '1q2w3e4r5t',
  'qwertyuiop',
  'monkey',
  'dragon',
  'sommer',
  'Superman',
];
const blocklist = createPasswordBlocklist(COMMON);

const codes = (password: string, userInputs: string[] = []) =>
  checkPassword(password, { userInputs, blocklist }).map((p) => p.code);

describe('checkPassword', () => {
  it('accepts a long passphrase unrelated to the person', () => {
    expect(codes('correct horse battery staple', ['anne.sorensen@vordingborg.dk', 'Anne Sørensen'])).toEqual([]);
  });

  it('counts length in characters as a person sees them', () => {
    expect(codes('abcdefghijk')).toEqual(['password_too_short']);
    expect(codes('abcdefghijkl')).toEqual([]);
    expect(codes('😀'.repeat(11))).toEqual(['password_too_short']);
    expect(codes('😀'.repeat(12))).toEqual([]);
    // "å" typed as a + combining ring: 12 UTF-16 units but 6 characters.
    expect(codes('a\u030a'.repeat(6))).toEqual(['password_too_short']);
    expect(codes('x'.repeat(256))).toEqual([]);
    expect(codes('x'.repeat(257))).toEqual(['password_too_long']);
  });

  it('finds common passwords regardless of case, width and tacked-on digits or symbols', () => {
    expect(codes('password')).toEqual(['password_too_short', 'password_common']);
    expect(codes('Password2024!!')).toEqual(['password_common']);
    expect(codes('QWERTYUIOP123!')).toEqual(['password_common']);
    expect(codes('ＱＷＥＲＴＹＵＩＯＰ１２３')).toEqual(['password_common']);
    expect(codes('1234567890')).toEqual(['password_too_short', 'password_common']);
    expect(codes('superman 2024 !')).toEqual(['password_common']);
    // Only trailing additions are cut: a common word inside a longer phrase is fine.
    expect(codes('my dragon sleeps soundly')).toEqual([]);
    expect(codes('2024!password')).toEqual([]);
  });

  it('flags any list entry with digits and symbols appended', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMMON.filter((p) => /\p{L}$/u.test(p))),
        fc.string({ unit: fc.constantFrom('0', '1', '9', '!', '#', '.', ' ', '_'), maxLength: 20 }),
        (entry, suffix) => {
          expect(codes(entry.toUpperCase() + suffix)).toContain('password_common');
        },
      ),
    );
  });

  it('rejects passwords containing the e-mail local part or a name', () => {
    const inputs = ['anne.sorensen@vordingborg.dk', 'Anne Sørensen'];
    expect(codes('MinAnneKode-2024-lang', inputs)).toEqual(['password_contains_user_input']);
    expect(codes('SØRENSENsin-kode-99', inputs)).toEqual(['password_contains_user_input']);
    expect(codes('xx-anne.sorensen-xx', inputs)).toEqual(['password_contains_user_input']);
    // The domain is not the person's: only the local part counts.
    expect(codes('vordingborg by the sea', inputs)).toEqual([]);
  });

  it('ignores name pieces shorter than four characters', () => {
    expect(codes('bibliotekets bøger', ['Bo Ib', 'ib@example.dk'])).toEqual([]);
    expect(codes('bibliotekets bøger', ['Bibliotek'])).toEqual(['password_contains_user_input']);
  });

  it('reports every problem at once, in a stable order', () => {
    expect(codes('anne1', ['anne@example.dk', 'Anne'])).toEqual(['password_too_short', 'password_contains_user_input']);
    const all = checkPassword('Superman', { userInputs: ['superman@example.dk'], blocklist });
    expect(all.map((p) => p.code)).toEqual(['password_too_short', 'password_common', 'password_contains_user_input']);
    for (const problem of all) {
      expect(problem.message_da).not.toBe('');
      expect(problem.message_en).not.toBe('');
      expect(problem.message_da).not.toContain('Superman');
    }
  });
});

describe('createPasswordBlocklist', () => {
  it('normalises entries and skips blanks', () => {
    const list = createPasswordBlocklist(['  Sommer ', '', 'SOMMER', 'ｖｉｎｔｅｒ']);
    expect(list.size).toBe(2);
    expect(list.has('sommer')).toBe(true);
    expect(list.has('Vinter')).toBe(true);
    expect(list.has('forår')).toBe(false);
  });
});
