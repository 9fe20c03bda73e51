import { describe, it, expect } from 'vitest';
import { describeColumnProblem, resolveColumns } from './header.js';

describe('resolveColumns', () => {
  it('maps required names to their positions', () => {
    expect(resolveColumns(['x', 'stratum', 'citizen_id'], ['citizen_id', 'stratum'])).toEqual({
      ok: true,
      index: { citizen_id: 2, stratum: 1 },
    });
  });

  it('reports missing and repeated required columns', () => {
    const result = resolveColumns(['citizen_id', 'citizen_id', 'Stratum'], ['citizen_id', 'stratum']);
    expect(result).toEqual({ ok: false, missing: ['stratum'], duplicated: ['citizen_id'] });
    expect(describeColumnProblem(['citizen_id', 'citizen_id', 'Stratum'], ['stratum'], ['citizen_id'])).toBe(
      'missing column "stratum"; column "citizen_id" appears more than once (header: citizen_id, citizen_id, Stratum)',
    );
  });

  it('ignores repeated columns that are not required', () => {
    expect(resolveColumns(['id', 'x', 'x'], ['id'])).toEqual({ ok: true, index: { id: 0 } });
  });
});
