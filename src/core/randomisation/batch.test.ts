import { describe, it, expect } from 'vitest';
import { allocateCitizens, allocateTable, type Allocation, type CitizenToAllocate } from './batch.js';
import { allocationSequence } from './sequence.js';
import type { ArmWeight } from './arms.js';

const ARMS: readonly ArmWeight[] = [
  { name: 'group1', weight: 2 },
  { name: 'group2', weight: 1 },
  { name: 'control', weight: 4 },
];

function citizens(n: number): CitizenToAllocate[] {
  return Array.from({ length: n }, (_, i) => ({
    citizenId: `c${i}`,
    stratum: ['north', 'south', 'east'][i % 3]!,
    line: i + 2,
  }));
}

function allocations(list: readonly CitizenToAllocate[], seed = '2017', arms = ARMS): readonly Allocation[] {
  const result = allocateCitizens(list, arms, seed);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.allocations;
}

function problems(list: readonly CitizenToAllocate[], seed = '2017', arms = ARMS): readonly string[] {
  const result = allocateCitizens(list, arms, seed);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('allocateCitizens', () => {
  it('returns one allocation per citizen in citizen_id order (plain < order)', () => {
    const result = allocations(citizens(50));
    const ids = result.map((a) => a.citizenId);
    expect(ids).toEqual(
      citizens(50)
        .map((c) => c.citizenId)
        .sort(),
    );
    expect(ids.slice(0, 4)).toEqual(['c0', 'c1', 'c10', 'c11']);
  });

  it('gives each stratum its own sequence, in citizen_id order', () => {
    const result = allocations(citizens(60));
    for (const stratum of ['north', 'south', 'east']) {
      const mine = result.filter((a) => a.stratum === stratum);
      const sequence = allocationSequence('2017', stratum, ARMS);
      for (const a of mine) {
        const slot = sequence.next().value;
        expect([a.arm, a.block]).toEqual([slot.arm, slot.block]);
      }
    }
  });

  it('does not depend on the input order or on the other strata', () => {
    const list = citizens(200);
    const reversed = [...list].reverse();
    const rotated = [...list.slice(77), ...list.slice(0, 77)];
    expect(allocations(reversed)).toEqual(allocations(list));
    expect(allocations(rotated)).toEqual(allocations(list));
    const northOnly = allocations(list.filter((c) => c.stratum === 'north'));
    expect(northOnly).toEqual(allocations(list).filter((a) => a.stratum === 'north'));
  });

  it('gives another allocation for another seed', () => {
    const arms = (seed: string): string =>
      allocations(citizens(100), seed)
        .map((a) => a.arm)
        .join();
    expect(arms('2017')).not.toBe(arms('2018'));
    expect(arms('2017')).not.toBe(arms('2017 '));
  });

  it('reports empty and repeated citizen ids with their lines', () => {
    const list: CitizenToAllocate[] = [
      { citizenId: 'a', stratum: 'S', line: 2 },
      { citizenId: '', stratum: 'S', line: 3 },
      { citizenId: 'b', stratum: 'S', line: 4 },
      { citizenId: 'a', stratum: 'T', line: 5 },
      { citizenId: '  ', stratum: 'S', line: 6 },
    ];
    expect([...problems(list)].sort()).toEqual([
      'line 3: citizen_id is empty',
      'line 5: citizen_id "a" appears more than once (first on line 2)',
      'line 6: citizen_id is empty',
    ]);
  });

  it('reports an empty seed and unusable arms, and caps long problem lists', () => {
    expect(problems(citizens(3), '')).toEqual(['the seed is empty']);
    expect(problems(citizens(3), 'x', [{ name: 'a', weight: 1 }])).toEqual(['at least two arms are needed, got 1']);
    const many = Array.from({ length: 30 }, () => ({ citizenId: 'dup', stratum: 'S' }));
    const list = problems(many);
    expect(list).toHaveLength(21);
    expect(list[20]).toBe('… and 9 more problems with citizen_id');
  });

  it('accepts no citizens at all', () => {
    expect(allocations([])).toEqual([]);
  });
});

describe('allocateTable', () => {
  it('indexes by input position and names arms in block-building order', () => {
    const result = allocateTable(['b', 'a'], ['S', 'S'], ARMS, '2017');
    if (!result.ok) throw new Error('unexpected problems');
    expect(Array.from(result.table.order)).toEqual([1, 0]);
    expect(result.table.armNames).toEqual(['control', 'group1', 'group2']);
    expect(Array.from(result.table.block)).toEqual([1, 1]);
  });
});
