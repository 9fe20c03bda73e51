import { describe, expect, it } from 'vitest';
import halsnaesJson from './sets/halsnaes-policy.json' with { type: 'json' };
import labJson from './sets/lab-2019.json' with { type: 'json' };
import type { RuleSet } from './schema.js';
import { BUILT_IN_RULE_SETS, DEFAULT_RULE_SET, mergeRuleSets, parseRuleSetFile, selectRuleSets } from './sets.js';
import { parseRuleSet } from './validate.js';

const label = { da: 'registrering', en: 'registration' };
function rule(overrides: Record<string, unknown> = {}) {
  return {
    id: 'local.first_visit',
    valid_from: '2020-01-01',
    valid_to: null,
    basis: 'Byrådet 2020',
    basis_kind: 'local',
    title: { da: 'Hjemmebesøg', en: 'Home visit' },
    explanation: {
      da: 'Senest {period} efter {start_event} ({start}).',
      en: 'Within {period} of {start_event} ({start}).',
    },
    counting: {
      kind: 'nth_occurrence',
      start: { fact: 'registered', label },
      period: 'P2W',
      met_by: { types: ['conversation'], held: true, label },
    },
    ...overrides,
  };
}
function errorsOf(json: unknown): readonly string[] {
  const result = parseRuleSetFile(json);
  return result.ok ? [] : result.errors;
}
function valid(json: unknown): RuleSet {
  const result = parseRuleSet(json);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

describe('the shipped rule sets', () => {
  it('hold the documented rule ids', () => {
    expect(DEFAULT_RULE_SET.rules.map((r) => r.id).sort()).toEqual([
      'halsnaes.bimonthly_conversation',
      'halsnaes.company_consultant',
      'halsnaes.company_internship',
      'halsnaes.cv_workshop',
      'halsnaes.monthly_conversation',
      'halsnaes.rehab_team',
      'lab.first_conversation',
      'lab.four_conversations',
      'lab.no_activation_12_months',
    ]);
    expect(DEFAULT_RULE_SET.rules.every((r) => r.valid_from === '2019-01-01' && r.valid_to === null)).toBe(true);
    expect(BUILT_IN_RULE_SETS.map((s) => s.id)).toEqual(['lab-2019', 'halsnaes-policy']);
  });

  it('are accepted as a --rules file (same schema)', () => {
    expect(parseRuleSetFile([labJson, halsnaesJson])).toEqual({ ok: true, value: DEFAULT_RULE_SET });
  });
});

describe('rule set validation', () => {
  it('accepts a local rule set', () => {
    expect(valid({ id: 'local', rules: [rule()] }).rules[0]).toMatchObject({
      id: 'local.first_visit',
      applies_to: { categories: null, tracks: null },
    });
  });

  it('names the field of each problem', () => {
    expect(errorsOf({ id: 'local', rules: [rule({ valid_from: '2020-02-30' })] })).toEqual([
      'rules[0].valid_from: not a date',
    ]);
    expect(errorsOf({ id: 'local', rules: [rule({ valid_to: '2019-12-31' })] })).toEqual([
      'rules[0].valid_to: before valid_from',
    ]);
    expect(errorsOf({ id: 'local', rules: [rule({ id: 'Visit' })] })).toEqual([
      'rules[0].id: must look like "area.name" (lower case, digits, _)',
    ]);
    expect(errorsOf({ id: 'local', rules: [rule({ basis_kind: 'decree' })] })[0]).toMatch(
      /^rules\[0\]\.basis_kind: must be one of law, local/,
    );
    expect(errorsOf({ id: 'local', rules: [rule({ title: { da: 'Besøg' } })] })).toEqual([
      'rules[0].title.en: required',
    ]);
    expect(
      errorsOf({ id: 'local', rules: [rule({ explanation: { da: 'Senest {deadline}.', en: 'By {due}.' } })] }),
    ).toEqual(['rules[0].explanation.da: unknown placeholder {deadline}']);
    expect(errorsOf({ rules: [] })).toEqual(['id: required']);
    expect(errorsOf({ id: 'local' })).toEqual(['rules: required']);
  });

  it('checks counting parameters', () => {
    const counting = (c: Record<string, unknown>) => errorsOf({ id: 'local', rules: [rule({ counting: c })] });
    const start = { fact: 'registered', label };
    const conversations = { types: ['conversation'], held: true, label };
    expect(counting({ kind: 'weekly', start, period: 'P1W', met_by: conversations })[0]).toMatch(
      /^rules\[0\]\.counting\.kind: must be one of nth_occurrence, recurring, gap_since/,
    );
    expect(counting({ kind: 'nth_occurrence', start, period: '1 week', met_by: conversations })[0]).toMatch(
      /^rules\[0\]\.counting\.period: not a duration/,
    );
    expect(counting({ kind: 'nth_occurrence', start, period: 'P1W', n: 0, met_by: conversations })[0]).toMatch(
      /^rules\[0\]\.counting\.n: /,
    );
    expect(
      counting({ kind: 'nth_occurrence', start: { fact: 'born', label }, period: 'P1W', met_by: conversations })[0],
    ).toMatch(/^rules\[0\]\.counting\.start\.fact: /);
    expect(
      counting({ kind: 'nth_occurrence', start, period: 'P1W', met_by: { types: ['activity'], held: true, label } }),
    ).toEqual(['rules[0].counting.met_by.held: only for conversation types']);
    expect(
      counting({ kind: 'nth_occurrence', start, period: 'P1W', met_by: { types: ['mentor'], kinds: ['ips'], label } }),
    ).toEqual(['rules[0].counting.met_by.kinds: only for activity events']);
    expect(counting({ kind: 'gap_since', start, period: 'P1W', spans: { types: ['conversation'], label } })[0]).toMatch(
      /^rules\[0\]\.counting\.spans\.types\[0\]: must be one of activity, mentor/,
    );
    expect(
      counting({
        kind: 'recurring',
        start,
        period: 'P1M',
        met_by: conversations,
        due_until: { fact: 'registered', plus: 'P6' },
      })[0],
    ).toMatch(/^rules\[0\]\.counting\.due_until\.plus: not a duration/);
    expect(counting({ kind: 'recurring', start, period: 'P1M', met_by: conversations })).toEqual([]);
    // {n} only makes sense for nth_occurrence.
    expect(
      errorsOf({
        id: 'local',
        rules: [
          rule({
            counting: { kind: 'recurring', start, period: 'P1M', met_by: conversations },
            explanation: { da: '{n}', en: '{n}' },
          }),
        ],
      }),
    ).toHaveLength(2);
  });

  it('refuses overlapping versions of one rule', () => {
    const errors = errorsOf({ id: 'local', rules: [rule(), rule({ valid_from: '2024-01-01' })] });
    expect(errors).toEqual([
      'rules: local.first_visit valid 2024-01-01–open overlaps local.first_visit valid 2020-01-01–open',
    ]);
    expect(
      errorsOf({ id: 'local', rules: [rule({ valid_to: '2023-12-31' }), rule({ valid_from: '2024-01-01' })] }),
    ).toEqual([]);
  });

  it('prefixes array positions in a file of several sets', () => {
    expect(
      errorsOf([
        { id: 'a', rules: [] },
        { id: 'b', rules: [rule({ basis: '' })] },
      ]),
    ).toEqual(['[1].rules[0].basis: must be a non-empty string, got ""']);
    expect(errorsOf([])).toEqual(['(top level): must hold at least one rule set']);
  });
});

describe('choosing rule sets', () => {
  const local = valid({ id: 'local', name: { da: 'Lokal', en: 'Local' }, rules: [rule()] });

  it('adds a local set to the shipped ones', () => {
    const chosen = selectRuleSets(['lab-2019'], [local]);
    expect(chosen.ok && chosen.value.rules.map((r) => r.id)).toEqual([
      'lab.first_conversation',
      'lab.four_conversations',
      'lab.no_activation_12_months',
      'local.first_visit',
    ]);
    expect(chosen.ok && chosen.value.id).toBe('lab-2019+local');
  });

  it('refuses unknown or repeated sets and versions that overlap across sets', () => {
    expect(selectRuleSets(['lab-2019', 'odsherred'])).toEqual({
      ok: false,
      errors: ['rule sets: unknown rule set "odsherred"'],
    });
    expect(mergeRuleSets([local, local])).toEqual({ ok: false, errors: ['rule sets: local chosen twice'] });
    const clash = valid({ id: 'clash', rules: [rule({ valid_from: '2025-01-01' })] });
    expect(mergeRuleSets([local, clash]).ok).toBe(false);
  });

  it('lets a later set add the next version of a rule that another set ended', () => {
    const ended = valid({ id: 'old', rules: [rule({ valid_to: '2026-06-30' })] });
    const next = valid({
      id: 'new',
      rules: [
        rule({
          valid_from: '2026-07-01',
          counting: {
            kind: 'nth_occurrence',
            start: { fact: 'registered', label },
            period: 'P1W',
            met_by: { types: ['conversation'], held: true, label },
          },
        }),
      ],
    });
    const merged = mergeRuleSets([ended, next]);
    expect(merged.ok && merged.value.rules.map((r) => r.valid_from)).toEqual(['2020-01-01', '2026-07-01']);
  });
});
