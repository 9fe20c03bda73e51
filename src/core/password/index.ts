export { createPasswordBlocklist, normalisePassword } from './blocklist.js';
export type { PasswordBlocklist } from './blocklist.js';
export { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './policy.js';
export type { PasswordCheckOptions, PasswordProblem, PasswordProblemCode } from './policy.js';
