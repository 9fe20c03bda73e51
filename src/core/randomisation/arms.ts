/**
 * Arms and their allocation weights, e.g. `--arms group1:2,group2:1,control:4`.
 * Blocks are built from the arms sorted by name (JavaScript string order), so the order in which
 * arms are listed does not change the allocation.
 */

export interface ArmWeight {
  readonly name: string;
  readonly weight: number;
}

/** Keeps a block (at most 3 × this many places) small enough to build for every stratum. */
export const MAX_TOTAL_WEIGHT = 10_000;

export type ArmsResult =
  { readonly ok: true; readonly arms: readonly ArmWeight[] } | { readonly ok: false; readonly message: string };

/** Parses `name:weight,name:weight,…`; spaces around names and weights are ignored. */
export function parseArms(text: string): ArmsResult {
  const arms: ArmWeight[] = [];
  for (const entry of text.split(',')) {
    const parts = entry.split(':');
    if (parts.length !== 2) {
      return { ok: false, message: `arm "${entry.trim()}" is not of the form name:weight (e.g. control:4)` };
    }
    const name = parts[0]!.trim();
    const weightText = parts[1]!.trim();
    if (!/^[0-9]+$/.test(weightText) || Number(weightText) < 1) {
      return { ok: false, message: `weight "${weightText}" of arm "${name}" is not a positive integer` };
    }
    arms.push({ name, weight: Number(weightText) });
  }
  const problem = checkArms(arms);
  return problem === undefined ? { ok: true, arms } : { ok: false, message: problem };
}

/** Why these arms cannot be used, or undefined when they can. */
export function checkArms(arms: readonly ArmWeight[]): string | undefined {
  if (arms.length < 2) return `at least two arms are needed, got ${arms.length}`;
  const seen = new Set<string>();
  let total = 0;
  for (const { name, weight } of arms) {
    if (name === '') return 'an arm name is empty';
    if (seen.has(name)) return `arm "${name}" is listed more than once`;
    seen.add(name);
    if (!Number.isSafeInteger(weight) || weight < 1)
      return `weight ${weight} of arm "${name}" is not a positive integer`;
    total += weight;
  }
  if (total > MAX_TOTAL_WEIGHT) return `the weights add up to ${total}; at most ${MAX_TOTAL_WEIGHT} is supported`;
  return undefined;
}

/** The arms in block-building order: by name, JavaScript string order. */
export function canonicalArms(arms: readonly ArmWeight[]): ArmWeight[] {
  return [...arms].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
