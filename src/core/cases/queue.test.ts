import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUEUE_SORTS, SORT_ORDERS } from '../vocabulary.js';
import {
  compareDeadlines,
  compareQueueCitizens,
  groupByCase,
  queueOrder,
  queueStatus,
  type QueueSortFields,
} from './queue.js';

const citizen = (case_number: string, name: string, due: string, caseworker: string | null): QueueSortFields => ({
  case_number,
  name,
  due,
  caseworker,
});

// Four citizens whose orders differ under every sort.
const anna = citizen('2026-000004', 'anna Berg', '2026-03-10', 'Carl');
const bo = citizen('2026-000001', 'Bo Dahl', '2026-03-01', 'ahmed');
const bo2 = citizen('2026-000003', 'Bo Dahl', '2026-03-01', null);
const cecilie = citizen('2026-000002', 'Cecilie Ahl', '2026-04-01', 'Carl');
const all = [anna, bo, bo2, cecilie];

const sorted = (sort: Parameters<typeof compareQueueCitizens>[0], order: Parameters<typeof compareQueueCitizens>[1]) =>
  [...all].sort(compareQueueCitizens(sort, order)).map((c) => c.case_number);

describe('queueStatus', () => {
  it('is overdue the day after the due date, open on it', () => {
    expect(queueStatus('2026-03-09', '2026-03-10')).toBe('overdue');
    expect(queueStatus('2026-03-10', '2026-03-10')).toBe('open');
    expect(queueStatus('2026-03-11', '2026-03-10')).toBe('open');
  });
});

describe('queueOrder', () => {
  it('puts the chosen key first in the chosen direction and breaks ties ascending', () => {
    expect(queueOrder()).toEqual([
      { key: 'due', descending: false },
      { key: 'name', descending: false },
      { key: 'case_number', descending: false },
    ]);
    expect(queueOrder('caseworker', 'desc')).toEqual([
      { key: 'caseworker', descending: true },
      { key: 'due', descending: false },
      { key: 'name', descending: false },
      { key: 'case_number', descending: false },
    ]);
    expect(queueOrder('case_number', 'desc')).toEqual([{ key: 'case_number', descending: true }]);
  });

  it('ends every order with the case number, so paging is stable', () => {
    for (const sort of QUEUE_SORTS)
      for (const order of SORT_ORDERS) expect(queueOrder(sort, order).at(-1)?.key).toBe('case_number');
  });
});

describe('compareQueueCitizens', () => {
  it('by urgency: earliest most urgent deadline first, then name, then case number', () => {
    expect(sorted('urgency', 'asc')).toEqual(['2026-000001', '2026-000003', '2026-000004', '2026-000002']);
    // Descending turns the due dates round, not the tie-break.
    expect(sorted('urgency', 'desc')).toEqual(['2026-000002', '2026-000004', '2026-000001', '2026-000003']);
  });

  it('by name, whatever the capitals', () => {
    expect(sorted('name', 'asc')).toEqual(['2026-000004', '2026-000001', '2026-000003', '2026-000002']);
    expect(sorted('name', 'desc')).toEqual(['2026-000002', '2026-000001', '2026-000003', '2026-000004']);
  });

  it('by case number', () => {
    expect(sorted('case_number', 'asc')).toEqual(['2026-000001', '2026-000002', '2026-000003', '2026-000004']);
    expect(sorted('case_number', 'desc')).toEqual(['2026-000004', '2026-000003', '2026-000002', '2026-000001']);
  });

  it('by caseworker, the unassigned last in either direction, ties by urgency', () => {
    expect(sorted('caseworker', 'asc')).toEqual(['2026-000001', '2026-000004', '2026-000002', '2026-000003']);
    expect(sorted('caseworker', 'desc')).toEqual(['2026-000004', '2026-000002', '2026-000001', '2026-000003']);
  });

  it('compares names by code point after lower-casing, as the database does with COLLATE "C"', () => {
    const names = ['Øster', 'Åse', 'Æble', 'zara', 'Ali'];
    const order = names
      .map((name, i) => citizen(`2026-00000${i}`, name, '2026-03-01', null))
      .sort(compareQueueCitizens('name'))
      .map((c) => c.name);
    expect(order).toEqual(['Ali', 'zara', 'Åse', 'Æble', 'Øster']);
  });

  it('is a total order: only a citizen equals itself', () => {
    const fields = fc.record({
      case_number: fc.constantFrom('2026-000001', '2026-000002', '2026-000003'),
      name: fc.constantFrom('Anna', 'anna', 'Bo'),
      due: fc.constantFrom('2026-03-01', '2026-03-02'),
      caseworker: fc.constantFrom('Carl', 'carl', null),
    });
    fc.assert(
      fc.property(
        fields,
        fields,
        fc.constantFrom(...QUEUE_SORTS),
        fc.constantFrom(...SORT_ORDERS),
        (a, b, sort, order) => {
          const compare = compareQueueCitizens(sort, order);
          expect(Math.sign(compare(a, b)) + Math.sign(compare(b, a))).toBe(0);
          // The case number identifies the citizen (one open case each).
          if (compare(a, b) === 0) expect(a.case_number).toBe(b.case_number);
        },
      ),
    );
  });
});

describe('compareDeadlines', () => {
  it('is soonest first, then by rule id', () => {
    const ds = [
      { due: '2026-09-02', rule: 'lab.four_conversations' },
      { due: '2026-04-05', rule: 'halsnaes.monthly_conversation' },
      { due: '2026-09-02', rule: 'halsnaes.company_internship' },
    ];
    expect([...ds].sort(compareDeadlines).map((d) => d.rule)).toEqual([
      'halsnaes.monthly_conversation',
      'halsnaes.company_internship',
      'lab.four_conversations',
    ]);
  });
});

describe('groupByCase', () => {
  const row = (case_id: string, rule: string, due: string) => ({ case_id, rule, due });

  it('gives a citizen with four deadlines once, the most urgent first and three others', () => {
    const groups = groupByCase([
      row('a', 'r3', '2026-05-01'),
      row('a', 'r1', '2026-03-01'),
      row('a', 'r4', '2026-06-01'),
      row('a', 'r2', '2026-04-01'),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.caseId).toBe('a');
    expect(groups[0]?.deadlines.map((d) => d.rule)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('keeps the cases in the order they first appear', () => {
    const groups = groupByCase([
      row('b', 'r1', '2026-05-01'),
      row('a', 'r1', '2026-03-01'),
      row('b', 'r2', '2026-04-01'),
      row('c', 'r1', '2026-01-01'),
    ]);
    expect(groups.map((g) => [g.caseId, g.deadlines.map((d) => d.rule)])).toEqual([
      ['b', ['r2', 'r1']],
      ['a', ['r1']],
      ['c', ['r1']],
    ]);
  });

  it('loses no row and puts each row with its own case', () => {
    const rows = fc.array(
      fc.record({
        case_id: fc.constantFrom('a', 'b', 'c', 'd'),
        rule: fc.string({ minLength: 1, maxLength: 3 }),
        due: fc.constantFrom('2026-03-01', '2026-03-02', '2026-03-03'),
      }),
    );
    fc.assert(
      fc.property(rows, (rs) => {
        const groups = groupByCase(rs);
        expect(groups.map((g) => g.caseId)).toEqual([...new Set(rs.map((r) => r.case_id))]);
        expect(groups.reduce((n, g) => n + g.deadlines.length, 0)).toBe(rs.length);
        for (const g of groups) {
          expect(g.deadlines.every((d) => d.case_id === g.caseId)).toBe(true);
          expect([...g.deadlines].sort(compareDeadlines)).toEqual(g.deadlines);
        }
      }),
    );
  });
});
