/** A set of passwords known from breaches, compared without regard to case or Unicode form. */
export interface PasswordBlocklist {
  readonly size: number;
  /** True when `password`, normalised like the entries, is on the list. */
  has(password: string): boolean;
}

/**
 * NFKC folds look-alike forms (full-width letters, ligatures) and lower case folds case, so
 * "PASSWORD" and "ｐａｓｓｗｏｒｄ" meet "password" on the list.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

/**
 * Builds a blocklist from any list of common passwords, e.g. the `passwords-common`
 * dictionary of @zxcvbn-ts/language-common. Entries are normalised once here.
 */
export function createPasswordBlocklist(entries: Iterable<string>): PasswordBlocklist {
  const set = new Set<string>();
  for (const entry of entries) {
    const normalised = normalisePassword(entry.trim());
    if (normalised !== '') set.add(normalised);
  }
  return {
    size: set.size,
    has: (password) => set.has(normalisePassword(password)),
  };
}
