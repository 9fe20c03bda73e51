// Version boundaries: a deadline is judged by the version in force when its counting starts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFacts } from './case.js';
import { addDays, fromDayNumber, toDayNumber } from './date.js';
import { evaluateDeadlines } from './engine.js';
import type { RuleSet } from './schema.js';
import { DEFAULT_RULE_SET } from './sets.js';
import { parseRuleSet } from './validate.js';

const label = { da: 'registrering', en: 'registration' };
const heldConversations = {
  types: ['conversation'],
  held: true,
  label: { da: 'sidste samtale', en: 'last conversation' },
};

function version(
  validFrom: string,
  validTo: string | null,
  counting: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'test.rule',
    valid_from: validFrom,
    valid_to: validTo,
    basis: `test ${validFrom}`,
    basis_kind: 'law',
    title: { da: 'Test', en: 'Test' },
    explanation: {
      da: 'Senest {period} efter {start_event} ({start}).',
      en: 'Within {period} of {start_event} ({start}).',
    },
    counting,
    ...extra,
  };
}

function ruleSet(...rules: unknown[]): RuleSet {
  const parsed = parseRuleSet({ id: 'test', rules });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

function caseOf(facts: Partial<CaseFacts>): CaseFacts {
  return {
    registered: '2026-03-02',
    benefit_start: null,
    category: 'activity_ready',
    track: null,
    events: [],
    ...facts,
  };
}
const held = (date: string): CaseEvent => ({ type: 'conversation', date, held: true });

const firstWithin = (period: string) => ({
  kind: 'nth_occurrence',
  start: { fact: 'registered', label },
  period,
  n: 1,
  met_by: heldConversations,
});
// The old law gave two weeks up to 2026-06-30; the new one gives one week from 2026-07-01.
const twoVersions = ruleSet(
  version('2019-01-01', '2026-06-30', firstWithin('P2W')),
  version('2026-07-01', null, firstWithin('P1W')),
);

function only(set: RuleSet, facts: CaseFacts, on: string) {
  const deadlines = evaluateDeadlines(facts, on, set);
  expect(deadlines.length).toBeLessThanOrEqual(1);
  return deadlines[0];
}

describe('rule versions', () => {
  it('keeps the old period for counting that started under the old version', () => {
    expect(only(twoVersions, caseOf({ registered: '2026-06-30' }), '2026-08-01')).toMatchObject({
      due: '2026-07-14',
      valid_from: '2019-01-01',
      basis: 'test 2019-01-01',
    });
  });

  it('uses the new period for counting that starts on its first day', () => {
    expect(only(twoVersions, caseOf({ registered: '2026-07-01' }), '2026-08-01')).toMatchObject({
      due: '2026-07-08',
      valid_from: '2026-07-01',
    });
  });

  it('picks by counting start for any registration date (property)', () => {
    const boundary = toDayNumber('2026-07-01');
    fc.assert(
      fc.property(fc.integer({ min: boundary - 400, max: boundary + 400 }), (day) => {
        const registered = fromDayNumber(day);
        const expected = addDays(registered, day < boundary ? 14 : 7);
        expect(only(twoVersions, caseOf({ registered }), '2028-01-01')?.due).toBe(expected);
      }),
    );
  });

  it('judges a recurring rule by the version in force at the last held conversation', () => {
    const monthly = (period: string) => ({
      kind: 'recurring',
      start: { fact: 'registered', label },
      period,
      met_by: heldConversations,
    });
    const set = ruleSet(
      version('2019-01-01', '2026-12-31', monthly('P1M')),
      version('2027-01-01', null, monthly('P3M')),
    );
    const facts = caseOf({ registered: '2026-10-01', events: [held('2026-12-20'), held('2027-01-05')] });
    expect(only(set, facts, '2027-01-04')).toMatchObject({
      due: '2027-01-20',
      counted_from: '2026-12-20',
      valid_from: '2019-01-01',
    });
    expect(only(set, facts, '2027-01-05')).toMatchObject({
      due: '2027-04-05',
      counted_from: '2027-01-05',
      valid_from: '2027-01-01',
    });
  });

  it('lets a new version drop a group of citizens without touching cases counted under the old one', () => {
    const referral = {
      kind: 'nth_occurrence',
      start: { fact: 'benefit_start', label },
      period: 'P3Y',
      met_by: { types: ['rehab_team_referral'], label },
    };
    const set = ruleSet(
      version('2019-01-01', '2026-12-31', referral, { applies_to: { tracks: ['rehab_team'] } }),
      version('2027-01-01', null, referral, { applies_to: { tracks: [] } }),
    );
    expect(only(set, caseOf({ track: 'rehab_team', benefit_start: '2026-06-01' }), '2027-06-01')).toMatchObject({
      due: '2029-06-01',
    });
    expect(only(set, caseOf({ track: 'rehab_team', benefit_start: '2027-02-01' }), '2027-06-01')).toBeUndefined();
  });

  it('gives no entry when counting starts between two versions', () => {
    const set = ruleSet(
      version('2019-01-01', '2020-12-31', firstWithin('P1W')),
      version('2022-01-01', null, firstWithin('P1W')),
    );
    expect(only(set, caseOf({ registered: '2021-06-01' }), '2021-06-02')).toBeUndefined();
    expect(only(set, caseOf({ registered: '2022-01-01' }), '2022-01-02')).toMatchObject({ due: '2022-01-08' });
  });

  it('lets the oldest version judge counting that started before any version', () => {
    expect(only(twoVersions, caseOf({ registered: '2017-05-01' }), '2017-05-02')).toMatchObject({
      due: '2017-05-15',
      valid_from: '2019-01-01',
    });
    const first = evaluateDeadlines(caseOf({ registered: '2018-05-01' }), '2018-05-02', DEFAULT_RULE_SET).find(
      (d) => d.rule === 'lab.first_conversation',
    );
    expect(first).toMatchObject({ due: '2018-05-08' });
  });

  it('falls back to the version in force on the earliest start when versions move the anchor', () => {
    // Old: every 2 months from registered + 6 months. New (2027): from registered + 3 months.
    // Registered 2026-09-01: old start 2027-03-01 lies in the new version, new start 2026-12-01
    // in the old one; the old version was in force first, so it judges, from its own start.
    const cadence = (plus: string) => ({
      kind: 'recurring',
      start: { fact: 'registered', plus, label },
      period: 'P2M',
      met_by: heldConversations,
      only_after_start: true,
    });
    const set = ruleSet(
      version('2019-01-01', '2026-12-31', cadence('P6M')),
      version('2027-01-01', null, cadence('P3M')),
    );
    expect(only(set, caseOf({ registered: '2026-09-01' }), '2027-04-01')).toMatchObject({
      due: '2027-05-01',
      valid_from: '2019-01-01',
      start_event: 'registered+P6M',
    });
  });
});
