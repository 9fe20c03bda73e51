// Halsnæs policy rules with hand-computed dates.
import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFacts, Track } from './case.js';
import { evaluateDeadlines, missingFacts } from './engine.js';
import { DEFAULT_RULE_SET } from './sets.js';

function caseOf(facts: Partial<CaseFacts>): CaseFacts {
  return {
    registered: '2026-03-02',
    benefit_start: null,
    category: 'activity_ready',
    track: 'step_up',
    events: [],
    ...facts,
  };
}
const held = (date: string): CaseEvent => ({ type: 'conversation', date, held: true });
const notHeld = (date: string): CaseEvent => ({ type: 'conversation', date, held: false });
const activity = (kind: string, date: string, end: string | null = null): CaseEvent => ({
  type: 'activity',
  date,
  kind,
  end,
});
const contact = (date: string): CaseEvent => ({ type: 'company_consultant_contact', date });
const referral = (date: string): CaseEvent => ({ type: 'rehab_team_referral', date });

function entry(facts: CaseFacts, on: string, rule: string) {
  const found = evaluateDeadlines(facts, on, DEFAULT_RULE_SET).find((d) => d.rule === rule);
  return found && { due: found.due, status: found.status, met_on: found.met_on, start_event: found.start_event };
}
const rulesFor = (track: Track | null, category: CaseFacts['category'] = 'activity_ready') =>
  evaluateDeadlines(caseOf({ track, category, benefit_start: '2024-01-15' }), '2026-03-03', DEFAULT_RULE_SET)
    .map((d) => d.rule)
    .sort();

describe('who the rules apply to', () => {
  it('gives each track its rules', () => {
    const lab = ['lab.first_conversation', 'lab.four_conversations'];
    expect(rulesFor(null, 'job_ready')).toEqual(lab);
    expect(rulesFor(null)).toEqual([...lab, 'lab.no_activation_12_months']);
    expect(rulesFor('near_job_ready')).toEqual([
      'halsnaes.company_consultant',
      'halsnaes.monthly_conversation',
      ...lab,
      'lab.no_activation_12_months',
    ]);
    expect(rulesFor('step_up')).toEqual([
      'halsnaes.company_internship',
      'halsnaes.cv_workshop',
      'halsnaes.monthly_conversation',
      ...lab,
      'lab.no_activation_12_months',
    ]);
    expect(rulesFor('rehab_team')).toEqual(['halsnaes.rehab_team', ...lab, 'lab.no_activation_12_months']);
  });
});

describe('halsnaes.monthly_conversation: next held conversation within 1 month, due ≤ registered + 6 months', () => {
  const rule = 'halsnaes.monthly_conversation';
  it('counts from registered until a conversation is held (2026-01-31 + 1 month = 2026-02-28)', () => {
    expect(entry(caseOf({ registered: '2026-01-31' }), '2026-02-10', rule)).toEqual({
      due: '2026-02-28',
      status: 'open',
      met_on: null,
      start_event: 'registered',
    });
  });
  it('restarts from the last held conversation, ignoring cancelled ones', () => {
    const facts = caseOf({
      registered: '2026-01-31',
      events: [held('2026-02-20'), held('2026-03-31'), notHeld('2026-04-20')],
    });
    expect(entry(facts, '2026-04-21', rule)).toEqual({
      due: '2026-04-30',
      status: 'open',
      met_on: null,
      start_event: 'events[1]',
    });
    expect(entry(facts, '2026-05-01', rule)).toMatchObject({ due: '2026-04-30', status: 'overdue' });
  });
  it('keeps occurrences due on registered + 6 months and drops later ones', () => {
    // registered 2026-03-15: registered + 6 months = 2026-09-15.
    expect(entry(caseOf({ registered: '2026-03-15', events: [held('2026-08-15')] }), '2026-08-20', rule)).toMatchObject(
      { due: '2026-09-15' },
    );
    expect(
      entry(caseOf({ registered: '2026-03-15', events: [held('2026-08-16')] }), '2026-08-20', rule),
    ).toBeUndefined();
  });
  it('keeps showing an unmet occurrence due before the window closed', () => {
    expect(entry(caseOf({ registered: '2026-03-15', events: [held('2026-04-01')] }), '2026-12-01', rule)).toMatchObject(
      { due: '2026-05-01', status: 'overdue' },
    );
  });
});

describe('halsnaes.bimonthly_conversation: after registered + 6 months, next held conversation within 2 months', () => {
  const rule = 'halsnaes.bimonthly_conversation';
  const registered = '2026-03-15'; // + 6 months = 2026-09-15
  it('gives no entry until after registered + 6 months', () => {
    expect(entry(caseOf({ registered }), '2026-09-15', rule)).toBeUndefined();
    expect(entry(caseOf({ registered }), '2026-09-16', rule)).toEqual({
      due: '2026-11-15',
      status: 'open',
      met_on: null,
      start_event: 'registered+P6M',
    });
  });
  it('counts from registered + 6 months, not from conversations held before it', () => {
    expect(entry(caseOf({ registered, events: [held('2026-09-01')] }), '2026-10-01', rule)).toMatchObject({
      due: '2026-11-15',
    });
  });
  it('restarts from the last held conversation after registered + 6 months, clamped at month end', () => {
    expect(entry(caseOf({ registered, events: [held('2026-10-31')] }), '2026-11-01', rule)).toMatchObject({
      due: '2026-12-31',
      start_event: 'events[0]',
    });
    expect(
      entry(caseOf({ registered, events: [held('2026-10-31'), held('2026-12-31')] }), '2027-03-01', rule),
    ).toMatchObject({
      due: '2027-02-28',
      status: 'overdue',
    });
  });
  it('applies to step-up only', () => {
    expect(entry(caseOf({ registered, track: 'near_job_ready' }), '2026-10-01', rule)).toBeUndefined();
  });
});

describe('halsnaes.cv_workshop: start of a CV workshop within 6 weeks of registered', () => {
  const rule = 'halsnaes.cv_workshop';
  it('is met by a start on the due date, late the day after (2026-03-02 + 42 days = 2026-04-13)', () => {
    expect(entry(caseOf({ events: [activity('cv_workshop', '2026-04-13')] }), '2026-05-01', rule)).toMatchObject({
      due: '2026-04-13',
      status: 'met',
      met_on: '2026-04-13',
    });
    expect(entry(caseOf({ events: [activity('cv_workshop', '2026-04-14')] }), '2026-05-01', rule)).toMatchObject({
      status: 'late',
      met_on: '2026-04-14',
    });
  });
  it('counts any start from registered on, but not other kinds or earlier starts', () => {
    expect(entry(caseOf({ events: [activity('cv_workshop', '2026-03-02')] }), '2026-03-03', rule)).toMatchObject({
      status: 'met',
      met_on: '2026-03-02',
    });
    const facts = caseOf({
      events: [activity('cv_workshop', '2026-02-01', '2026-02-20'), activity('coping_course', '2026-03-10')],
    });
    expect(entry(facts, '2026-04-14', rule)).toMatchObject({ status: 'overdue', met_on: null });
  });
});

describe('halsnaes.company_consultant: contact within 4 months of registered (near job-ready)', () => {
  const rule = 'halsnaes.company_consultant';
  const near = { registered: '2025-10-31', track: 'near_job_ready' as const }; // + 4 months = 2026-02-28
  it('is met up to and on the clamped due date, late after', () => {
    expect(entry(caseOf({ ...near, events: [contact('2026-02-28')] }), '2026-03-10', rule)).toMatchObject({
      due: '2026-02-28',
      status: 'met',
    });
    expect(entry(caseOf({ ...near, events: [contact('2026-03-01')] }), '2026-03-10', rule)).toMatchObject({
      status: 'late',
      met_on: '2026-03-01',
    });
    expect(entry(caseOf(near), '2026-02-28', rule)).toMatchObject({ status: 'open', met_on: null });
  });
});

describe('halsnaes.company_internship: start of a company internship within 6 months of registered', () => {
  const rule = 'halsnaes.company_internship';
  it('is late when it starts after 2025-08-31 + 6 months = 2026-02-28', () => {
    const facts = caseOf({
      registered: '2025-08-31',
      events: [activity('wage_subsidy', '2026-01-05'), activity('company_internship', '2026-03-02', '2026-05-01')],
    });
    expect(entry(facts, '2026-03-01', rule)).toMatchObject({ due: '2026-02-28', status: 'overdue', met_on: null });
    expect(entry(facts, '2026-03-02', rule)).toMatchObject({ due: '2026-02-28', status: 'late', met_on: '2026-03-02' });
  });
});

describe('halsnaes.rehab_team: referral within 3 years of benefit_start', () => {
  const rule = 'halsnaes.rehab_team';
  const rehab = (benefitStart: string, events: CaseEvent[] = []) =>
    caseOf({ track: 'rehab_team', benefit_start: benefitStart, events });
  it('counts 3 years from benefit start, clamped from 29 February', () => {
    expect(entry(rehab('2023-02-28'), '2026-03-02', rule)).toEqual({
      due: '2026-02-28',
      status: 'overdue',
      met_on: null,
      start_event: 'benefit_start',
    });
    expect(entry(rehab('2024-02-29'), '2026-03-02', rule)).toMatchObject({ due: '2027-02-28', status: 'open' });
  });
  it('is met by a referral, late after due, and ignores referrals before benefit start', () => {
    expect(entry(rehab('2024-02-29', [referral('2027-02-28')]), '2027-06-01', rule)).toMatchObject({
      status: 'met',
      met_on: '2027-02-28',
    });
    expect(entry(rehab('2024-02-29', [referral('2027-03-01')]), '2027-06-01', rule)).toMatchObject({
      status: 'late',
      met_on: '2027-03-01',
    });
    expect(entry(rehab('2024-02-29', [referral('2024-01-01')]), '2027-06-01', rule)).toMatchObject({
      status: 'overdue',
      met_on: null,
    });
  });
  it('applies to benefit periods that began before the rules (2016 + 3 years)', () => {
    expect(entry(rehab('2016-05-01'), '2026-03-02', rule)).toMatchObject({ due: '2019-05-01', status: 'overdue' });
  });
  it('needs benefit_start', () => {
    const facts = caseOf({ track: 'rehab_team' });
    expect(missingFacts(facts, DEFAULT_RULE_SET)).toEqual(['benefit_start: required by rule halsnaes.rehab_team']);
    expect(entry(facts, '2026-03-02', rule)).toBeUndefined();
    expect(missingFacts(caseOf({ track: 'step_up' }), DEFAULT_RULE_SET)).toEqual([]);
  });
});
