// LAB rules with hand-computed dates.
import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFacts } from './case.js';
import { evaluateDeadlines } from './engine.js';
import { DEFAULT_RULE_SET } from './sets.js';

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
const notHeld = (date: string): CaseEvent => ({ type: 'conversation', date, held: false });
const resource = (date: string): CaseEvent => ({ type: 'resource_conversation', date, held: true });
const activity = (date: string, end: string | null, kind = 'coping_course'): CaseEvent => ({
  type: 'activity',
  date,
  kind,
  end,
});
const mentor = (date: string, end: string | null): CaseEvent => ({ type: 'mentor', date, end });

function entry(facts: CaseFacts, on: string, rule: string) {
  const found = evaluateDeadlines(facts, on, DEFAULT_RULE_SET).find((d) => d.rule === rule);
  return found && { due: found.due, status: found.status, met_on: found.met_on };
}

describe('lab.first_conversation: first held conversation within 1 week of registered', () => {
  const rule = 'lab.first_conversation';
  it('is met on the due date itself (within includes the due date)', () => {
    expect(entry(caseOf({ events: [held('2026-03-09')] }), '2026-04-01', rule)).toEqual({
      due: '2026-03-09',
      status: 'met',
      met_on: '2026-03-09',
    });
  });
  it('is late the day after', () => {
    expect(entry(caseOf({ events: [held('2026-03-10')] }), '2026-04-01', rule)).toEqual({
      due: '2026-03-09',
      status: 'late',
      met_on: '2026-03-10',
    });
  });
  it('is open up to and on the due date, overdue after it', () => {
    expect(entry(caseOf({}), '2026-03-09', rule)).toEqual({ due: '2026-03-09', status: 'open', met_on: null });
    expect(entry(caseOf({}), '2026-03-10', rule)).toEqual({ due: '2026-03-09', status: 'overdue', met_on: null });
  });
  it('counts only held conversations, resource conversations included', () => {
    expect(
      entry(caseOf({ events: [notHeld('2026-03-04'), resource('2026-03-06')] }), '2026-04-01', rule),
    ).toMatchObject({
      status: 'met',
      met_on: '2026-03-06',
    });
  });
  it('ignores conversations before registered and after the as-of date', () => {
    const facts = caseOf({ events: [held('2026-02-20'), held('2026-03-06')] });
    expect(entry(facts, '2026-03-05', rule)).toEqual({ due: '2026-03-09', status: 'open', met_on: null });
    expect(entry(facts, '2026-03-06', rule)).toEqual({ due: '2026-03-09', status: 'met', met_on: '2026-03-06' });
  });
  it('counts a week across the year end', () => {
    expect(entry(caseOf({ registered: '2025-12-29' }), '2026-01-01', rule)).toMatchObject({
      due: '2026-01-05',
      status: 'open',
    });
  });
  it('applies to job-ready citizens too', () => {
    expect(entry(caseOf({ category: 'job_ready' }), '2026-03-03', rule)).toMatchObject({ due: '2026-03-09' });
  });
  it('explains itself as in the contract', () => {
    const [first] = evaluateDeadlines(caseOf({ events: [held('2026-03-05')] }), '2026-03-06', DEFAULT_RULE_SET);
    expect(first).toMatchObject({
      rule,
      title: 'Første samtale',
      basis: 'LAB § 31, stk. 5',
      explanation: 'Første samtale senest 1 uge efter registrering (2026-03-02).',
      counted_from: '2026-03-02',
      start_event: 'registered',
    });
  });
});

describe('lab.four_conversations: the 4th held conversation within 6 months of registered', () => {
  const rule = 'lab.four_conversations';
  // 2025-08-31 + 6 months = 2026-02-28 (clamped to February's last day).
  const registered = '2025-08-31';
  it('is met by the 4th held conversation; two on one day both count', () => {
    const facts = caseOf({
      registered,
      events: [
        held('2025-09-01'),
        notHeld('2025-09-10'),
        held('2025-09-15'),
        resource('2025-10-01'),
        held('2025-10-01'),
      ],
    });
    expect(entry(facts, '2025-12-01', rule)).toEqual({ due: '2026-02-28', status: 'met', met_on: '2025-10-01' });
  });
  it('is late when the 4th comes after due', () => {
    const facts = caseOf({
      registered,
      events: [held('2025-09-01'), held('2025-10-01'), held('2025-11-01'), held('2026-03-02')],
    });
    expect(entry(facts, '2026-03-02', rule)).toEqual({ due: '2026-02-28', status: 'late', met_on: '2026-03-02' });
  });
  it('is open with three, overdue after due', () => {
    const facts = caseOf({ registered, events: [held('2025-09-01'), held('2025-10-01'), held('2025-11-01')] });
    expect(entry(facts, '2026-02-28', rule)).toEqual({ due: '2026-02-28', status: 'open', met_on: null });
    expect(entry(facts, '2026-03-01', rule)).toEqual({ due: '2026-02-28', status: 'overdue', met_on: null });
  });
});

describe('lab.no_activation_12_months: activation or mentor within 12 months of the last one ending', () => {
  const rule = 'lab.no_activation_12_months';
  it('counts from registered when there was never an activity (2024-02-29 + 12 months = 2025-02-28)', () => {
    expect(entry(caseOf({ registered: '2024-02-29' }), '2025-03-01', rule)).toEqual({
      due: '2025-02-28',
      status: 'overdue',
      met_on: null,
    });
  });
  it('counts from the end of the last activity', () => {
    expect(
      entry(caseOf({ registered: '2024-01-10', events: [activity('2024-03-01', '2024-05-31')] }), '2024-06-01', rule),
    ).toEqual({
      due: '2025-05-31',
      status: 'open',
      met_on: null,
    });
  });
  it('gives no entry while an activity or mentor runs (through its end date; open-ended without one)', () => {
    const ending = caseOf({ registered: '2024-01-10', events: [activity('2024-03-01', '2024-05-31')] });
    expect(entry(ending, '2024-05-31', rule)).toBeUndefined();
    expect(
      entry(caseOf({ registered: '2024-01-10', events: [activity('2024-03-01', null)] }), '2026-01-01', rule),
    ).toBeUndefined();
    expect(
      entry(caseOf({ registered: '2024-01-10', events: [mentor('2024-03-01', '2025-03-01')] }), '2024-12-01', rule),
    ).toBeUndefined();
  });
  it('takes the latest end of overlapping spans, not the last started', () => {
    const facts = caseOf({
      registered: '2023-11-01',
      events: [mentor('2024-01-01', '2024-12-31'), activity('2024-06-01', '2024-06-30', 'cv_workshop')],
    });
    expect(entry(facts, '2025-01-15', rule)).toMatchObject({ due: '2025-12-31', status: 'open' });
  });
  it('ignores an activity starting after the as-of date', () => {
    const facts = caseOf({ registered: '2024-01-10', events: [activity('2024-07-01', '2024-09-30')] });
    expect(entry(facts, '2024-06-15', rule)).toMatchObject({ due: '2025-01-10', status: 'open' });
  });
  it('applies to activity-ready citizens only', () => {
    expect(entry(caseOf({ category: 'job_ready' }), '2026-04-01', rule)).toBeUndefined();
  });
  it('names the event it counted from', () => {
    const [d] = evaluateDeadlines(
      caseOf({ registered: '2024-01-10', events: [held('2024-01-11'), activity('2024-03-01', '2024-05-31')] }),
      '2024-09-01',
      DEFAULT_RULE_SET,
    ).filter((x) => x.rule === rule);
    expect(d).toMatchObject({ counted_from: '2024-05-31', start_event: 'events[1].end' });
  });
});
