// Properties of the default rules over generated cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFacts } from './case.js';
import { addDays, compareDates, fromDayNumber, toDayNumber } from './date.js';
import { evaluateDeadlines, type Deadline } from './engine.js';
import { DEFAULT_RULE_SET } from './sets.js';

const KINDS = ['cv_workshop', 'company_internship', 'wage_subsidy', 'ordinary_hours', 'coping_course', 'ips'] as const;
const FIRST_DAY = toDayNumber('2019-01-01');
const LAST_DAY = toDayNumber('2027-12-31');

function eventArb(registered: string): fc.Arbitrary<CaseEvent> {
  const date = fc.integer({ min: -60, max: 900 }).map((offset) => addDays(registered, offset));
  const end = (start: string) =>
    fc.option(
      fc.integer({ min: 0, max: 400 }).map((length) => addDays(start, length)),
      { nil: null },
    );
  return fc.oneof(
    fc.record({
      type: fc.constantFrom('conversation' as const, 'resource_conversation' as const),
      date,
      held: fc.boolean(),
    }),
    date.chain((start) =>
      fc.record({
        type: fc.constant('activity' as const),
        date: fc.constant(start),
        kind: fc.constantFrom(...KINDS),
        end: end(start),
      }),
    ),
    date.chain((start) =>
      fc.record({ type: fc.constant('mentor' as const), date: fc.constant(start), end: end(start) }),
    ),
    fc.record({ type: fc.constantFrom('company_consultant_contact' as const, 'rehab_team_referral' as const), date }),
  );
}

const caseArb: fc.Arbitrary<{ facts: CaseFacts; on: string }> = fc
  .integer({ min: FIRST_DAY, max: LAST_DAY })
  .map(fromDayNumber)
  .chain((registered) =>
    fc.record({
      facts: fc.record({
        registered: fc.constant(registered),
        benefit_start: fc.integer({ min: 0, max: 2000 }).map((back) => addDays(registered, -back)),
        category: fc.constant('activity_ready' as const),
        track: fc.constantFrom(null, 'near_job_ready' as const, 'step_up' as const, 'rehab_team' as const),
        events: fc.array(eventArb(registered), { maxLength: 12 }),
      }),
      on: fc.integer({ min: -10, max: 1000 }).map((offset) => addDays(registered, offset)),
    }),
  );

const evaluate = (facts: CaseFacts, on: string) => evaluateDeadlines(facts, on, DEFAULT_RULE_SET);
const byRule = (deadlines: readonly Deadline[]) => new Map(deadlines.map((d) => [d.rule, d]));
const withoutSource = (deadlines: readonly Deadline[]) => deadlines.map(({ start_event: _s, ...rest }) => rest);

describe('deadline properties', () => {
  it('never moves a deadline earlier when a held conversation is added', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -60, max: 1000 }), ({ facts, on }, offset) => {
        const conversation: CaseEvent = { type: 'conversation', date: addDays(facts.registered, offset), held: true };
        const before = byRule(evaluate(facts, on));
        for (const after of evaluate({ ...facts, events: [...facts.events, conversation] }, on)) {
          const previous = before.get(after.rule);
          if (previous !== undefined) expect(compareDates(after.due, previous.due)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a met rule met (same date) when later events are added', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 400 }),
        ({ facts, on }, gaps, extraDays) => {
          const lastDate = [facts.registered, ...facts.events.map((e) => e.date)].sort(compareDates).at(-1)!;
          const later: CaseEvent[] = gaps.flatMap((gap) => {
            const date = addDays(lastDate, gap);
            return [
              { type: 'conversation', date, held: true },
              { type: 'activity', date, kind: 'company_internship', end: null },
              { type: 'company_consultant_contact', date },
            ];
          });
          const laterOn = addDays(on, extraDays);
          const after = byRule(evaluate({ ...facts, events: [...facts.events, ...later] }, laterOn));
          for (const d of evaluate(facts, on)) {
            if (d.status !== 'met' && d.status !== 'late') continue;
            expect(after.get(d.rule)).toMatchObject({ status: d.status, met_on: d.met_on, due: d.due });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ignores events dated after the as-of date', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 5 }), ({ facts, on }, offsets) => {
        const future: CaseEvent[] = offsets.map((offset, i) =>
          i % 2 === 0
            ? { type: 'conversation', date: addDays(on, offset), held: true }
            : { type: 'activity', date: addDays(on, offset), kind: 'cv_workshop', end: null },
        );
        expect(
          evaluate({ ...facts, events: [...future, ...facts.events] }, on).map((d) => [
            d.rule,
            d.due,
            d.status,
            d.met_on,
          ]),
        ).toEqual(evaluate(facts, on).map((d) => [d.rule, d.due, d.status, d.met_on]));
      }),
    );
  });

  it('does not depend on the order of the events', () => {
    fc.assert(
      fc.property(caseArb, ({ facts, on }) => {
        const reversed = { ...facts, events: [...facts.events].reverse() };
        expect(withoutSource(evaluate(reversed, on))).toEqual(withoutSource(evaluate(facts, on)));
      }),
    );
  });

  it('gives consistent statuses, sorted output and explanations without placeholders', () => {
    fc.assert(
      fc.property(caseArb, ({ facts, on }) => {
        const deadlines = evaluate(facts, on);
        deadlines.forEach((d, i) => {
          const next = deadlines[i + 1];
          if (next !== undefined)
            expect(compareDates(d.due, next.due) < 0 || (d.due === next.due && d.rule < next.rule)).toBe(true);
          expect(compareDates(d.counted_from, d.due)).toBeLessThan(0);
          expect(d.explanation).not.toMatch(/[{}]/);
          expect(d.explanation_en).not.toMatch(/[{}]/);
          switch (d.status) {
            case 'met':
              expect(d.met_on !== null && compareDates(d.met_on, d.due) <= 0 && compareDates(d.met_on, on) <= 0).toBe(
                true,
              );
              break;
            case 'late':
              expect(d.met_on !== null && compareDates(d.met_on, d.due) > 0 && compareDates(d.met_on, on) <= 0).toBe(
                true,
              );
              break;
            case 'open':
              expect(d.met_on === null && compareDates(d.due, on) >= 0).toBe(true);
              break;
            case 'overdue':
              expect(d.met_on === null && compareDates(d.due, on) < 0).toBe(true);
              break;
          }
        });
      }),
    );
  });
});
