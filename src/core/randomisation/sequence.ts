/**
 * The allocation sequence of one stratum: permuted blocks of m × (sum of weights) places,
 * m ∈ {1, 2, 3} drawn uniformly per block. Each block holds exactly m × weight places of every
 * arm, dealt in a uniformly random order. The n-th citizen of a stratum (in citizen_id order for
 * the batch command, in enrolment order inside the app) gets the n-th place.
 *
 * Places are dealt lazily while the block is shuffled: the reference Fisher–Yates loop
 * (i = n … 2: swap place i-1 with a uniform place in [0, i)) fixes place i-1 at step i, and that
 * place goes to the next citizen; the block's last citizen gets place 0. So the dealt order is the
 * fully shuffled block read backwards, an incomplete last block is a prefix of a uniformly
 * permuted full block (each citizen still lands in arm a with probability weight(a) / sum), and
 * no draws are spent on places nobody takes.
 */
import { canonicalArms, checkArms, type ArmWeight } from './arms.js';
import type { Pcg32 } from './pcg32.js';
import { stratumGenerator } from './seed.js';

export interface Slot {
  readonly arm: string;
  /** Block number within the stratum, from 1. */
  readonly block: number;
  /** m × sum of weights. */
  readonly blockSize: number;
  /** Place within the block, from 1. */
  readonly position: number;
}

export class AllocationStream {
  /** Arm names in block-building order (by name); `deal()` returns positions in this list. */
  readonly armNames: readonly string[];
  private readonly weights: readonly number[];
  private readonly places: Uint16Array;
  private blockNumber = 0;
  private blockSize = 0;
  /** Places of the current block not dealt yet. */
  private remaining = 0;

  constructor(
    private readonly rng: Pcg32,
    arms: readonly ArmWeight[],
  ) {
    const problem = checkArms(arms);
    if (problem !== undefined) throw new RangeError(problem);
    const ordered = canonicalArms(arms);
    this.armNames = ordered.map((a) => a.name);
    this.weights = ordered.map((a) => a.weight);
    this.places = new Uint16Array(3 * this.weights.reduce((sum, w) => sum + w, 0));
  }

  /** Block number of the place dealt last (from 1). */
  get block(): number {
    return this.blockNumber;
  }

  next(): Slot {
    const arm = this.deal();
    return {
      arm: this.armNames[arm]!,
      block: this.blockNumber,
      blockSize: this.blockSize,
      position: this.blockSize - this.remaining,
    };
  }

  /** Deals the next place; returns its arm as a position in `armNames`. */
  deal(): number {
    if (this.remaining === 0) this.startBlock();
    const places = this.places;
    const i = this.remaining;
    if (i > 1) {
      const chosen = this.rng.bounded(i);
      const place = places[chosen]!;
      places[chosen] = places[i - 1]!;
      places[i - 1] = place;
    }
    this.remaining = i - 1;
    return places[i - 1]!;
  }

  private startBlock(): void {
    const m = this.rng.bounded(3) + 1;
    let at = 0;
    for (let arm = 0; arm < this.weights.length; arm++) {
      const count = m * this.weights[arm]!;
      this.places.fill(arm, at, at + count);
      at += count;
    }
    this.blockNumber++;
    this.blockSize = at;
    this.remaining = at;
  }
}

/** The stratum's allocation sequence for this seed: an endless stream of places. */
export function* allocationSequence(
  seed: string,
  stratum: string,
  arms: readonly ArmWeight[],
): Generator<Slot, never, undefined> {
  const stream = new AllocationStream(stratumGenerator(seed, stratum), arms);
  for (;;) yield stream.next();
}

/** The place of the next citizen enrolled in a stratum that already has `enrolledBefore` citizens. */
export function allocationAt(seed: string, stratum: string, arms: readonly ArmWeight[], enrolledBefore: number): Slot {
  if (!Number.isSafeInteger(enrolledBefore) || enrolledBefore < 0)
    throw new RangeError(`enrolledBefore must be a whole number ≥ 0, got ${enrolledBefore}`);
  const stream = new AllocationStream(stratumGenerator(seed, stratum), arms);
  for (let n = 0; n < enrolledBefore; n++) stream.next();
  return stream.next();
}
