/**
 * Header row → column positions. Names match exactly (case and spaces count); the first
 * occurrence of a repeated name wins, except that a repeated REQUIRED name is reported as
 * ambiguous.
 */

export type ColumnIndex<K extends string> = Readonly<Record<K, number>>;

export type ResolvedColumns<K extends string> =
  | { readonly ok: true; readonly index: ColumnIndex<K> }
  | { readonly ok: false; readonly missing: readonly K[]; readonly duplicated: readonly K[] };

export function resolveColumns<K extends string>(
  header: readonly string[],
  required: readonly K[],
): ResolvedColumns<K> {
  const missing: K[] = [];
  const duplicated: K[] = [];
  const index = {} as Record<K, number>;
  for (const name of required) {
    const at = header.indexOf(name);
    if (at === -1) missing.push(name);
    else if (header.indexOf(name, at + 1) !== -1) duplicated.push(name);
    else index[name] = at;
  }
  if (missing.length > 0 || duplicated.length > 0) return { ok: false, missing, duplicated };
  return { ok: true, index };
}

/** One sentence for a failed `resolveColumns`, e.g. `missing column "stratum" (header: id, arm)`. */
export function describeColumnProblem(
  header: readonly string[],
  missing: readonly string[],
  duplicated: readonly string[],
): string {
  const parts: string[] = [];
  if (missing.length > 0) {
    parts.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  }
  if (duplicated.length > 0) {
    parts.push(
      `column${duplicated.length > 1 ? 's' : ''} ${duplicated.map((m) => `"${m}"`).join(', ')} appear${duplicated.length > 1 ? '' : 's'} more than once`,
    );
  }
  return `${parts.join('; ')} (header: ${header.join(', ')})`;
}
