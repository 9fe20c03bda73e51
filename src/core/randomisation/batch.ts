/**
 * Batch allocation (the `randomise` command): citizens sorted by citizen_id in JavaScript string
 * order, each stratum allocated by its own sequence (see sequence.ts), so the result depends on
 * the set of citizens, the arms and the seed only — not on the input order.
 */
import { canonicalArms, checkArms, type ArmWeight } from './arms.js';
import { stringOrder } from './order.js';
import { AllocationStream } from './sequence.js';
import { stratumGenerator } from './seed.js';

export interface CitizenToAllocate {
  readonly citizenId: string;
  readonly stratum: string;
  /** Where the citizen came from (e.g. the CSV line), used in problem messages. */
  readonly line?: number;
}

export interface Allocation {
  readonly citizenId: string;
  readonly arm: string;
  readonly stratum: string;
  readonly block: number;
}

export type AllocationResult =
  | { readonly ok: true; readonly allocations: readonly Allocation[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Column form for large inputs: `order` maps citizen_id order to input positions. */
export interface AllocationTable {
  /** Input positions in citizen_id order. */
  readonly order: Int32Array;
  /** Arm of the k-th citizen in citizen_id order (of input position `order[k]`), as a position in `armNames`. */
  readonly arm: Uint16Array;
  /** Block (from 1, within the stratum) of the k-th citizen in citizen_id order. */
  readonly block: Int32Array;
  readonly armNames: readonly string[];
}

/** A problem with the input; `line` is set when the problem is one citizen's and lines were given. */
export interface AllocationProblem {
  readonly line: number | undefined;
  readonly message: string;
}

export type AllocationTableResult =
  | { readonly ok: true; readonly table: AllocationTable }
  /** At most 20 problems with citizen ids are listed; `omitted` counts the rest. */
  | { readonly ok: false; readonly problems: readonly AllocationProblem[]; readonly omitted: number };

const MAX_PROBLEMS = 20;

/**
 * Allocates `citizenIds[i]` in stratum `strata[i]`. `lines[i]`, when given, names the input line in
 * problem messages. Problems: empty seed, unusable arms, empty (or blank) or repeated citizen_id.
 */
export function allocateTable(
  citizenIds: readonly string[],
  strata: readonly string[],
  arms: readonly ArmWeight[],
  seed: string,
  lines?: readonly (number | undefined)[],
): AllocationTableResult {
  if (strata.length !== citizenIds.length) throw new RangeError('citizenIds and strata differ in length');
  const problems: AllocationProblem[] = [];
  if (seed === '') problems.push({ line: undefined, message: 'the seed is empty' });
  const armProblem = checkArms(arms);
  if (armProblem !== undefined) problems.push({ line: undefined, message: armProblem });

  let badIds = 0;
  const report = (i: number, message: string): void => {
    badIds++;
    if (badIds <= MAX_PROBLEMS) problems.push({ line: lines?.[i], message });
  };
  for (let i = 0; i < citizenIds.length; i++) if (citizenIds[i]!.trim() === '') report(i, 'citizen_id is empty');
  const { order, hasDuplicates } = stringOrder(citizenIds);
  if (hasDuplicates) {
    // Repeats are neighbours in citizen_id order; blank ids were reported above.
    let first = -1;
    for (const i of order) {
      const id = citizenIds[i]!;
      if (first >= 0 && id === citizenIds[first]) {
        if (id.trim() !== '') {
          const where = lines?.[first] === undefined ? '' : ` (first on line ${lines[first]})`;
          report(i, `citizen_id "${id}" appears more than once${where}`);
        }
      } else {
        first = i;
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems, omitted: Math.max(0, badIds - MAX_PROBLEMS) };

  // Memory is touched in citizen_id order here, so results are stored by that position.
  const arm = new Uint16Array(citizenIds.length);
  const block = new Int32Array(citizenIds.length);
  const streams = new Map<string, AllocationStream>();
  for (let k = 0; k < order.length; k++) {
    const stratum = strata[order[k]!]!;
    let stream = streams.get(stratum);
    if (stream === undefined) {
      stream = new AllocationStream(stratumGenerator(seed, stratum), arms);
      streams.set(stratum, stream);
    }
    arm[k] = stream.deal();
    block[k] = stream.block;
  }
  return { ok: true, table: { order, arm, block, armNames: canonicalArms(arms).map((a) => a.name) } };
}

/** The same allocation for citizens given as objects; the result is in citizen_id order. */
export function allocateCitizens(
  citizens: readonly CitizenToAllocate[],
  arms: readonly ArmWeight[],
  seed: string,
): AllocationResult {
  const result = allocateTable(
    citizens.map((c) => c.citizenId),
    citizens.map((c) => c.stratum),
    arms,
    seed,
    citizens.map((c) => c.line),
  );
  if (!result.ok) {
    const problems = result.problems.map((p) => (p.line === undefined ? p.message : `line ${p.line}: ${p.message}`));
    if (result.omitted > 0) problems.push(`… and ${result.omitted} more problems with citizen_id`);
    return { ok: false, problems };
  }
  const { order, arm, block, armNames } = result.table;
  return {
    ok: true,
    allocations: Array.from(order, (i, k) => {
      const c = citizens[i]!;
      return { citizenId: c.citizenId, arm: armNames[arm[k]!]!, stratum: c.stratum, block: block[k]! };
    }),
  };
}
