import { describe, it, expect } from 'vitest';
import { blankEvent, eventInputOf } from './eventInput.js';

const TODAY = '2026-11-23';
const MESSAGES = {
  date: 'date',
  future: 'future',
  held: 'held',
  mode: 'mode',
  cancelledBy: 'cancelledBy',
  kind: 'kind',
  endDate: 'endDate',
};

describe('eventInputOf', () => {
  it('sends a held conversation with its mode and note, and nothing that belongs to other types', () => {
    const draft = {
      ...blankEvent(TODAY),
      held: 'yes',
      mode: 'home',
      kind: 'ips',
      endDate: '2026-12-01',
      note: '  God samtale ',
    };
    expect(eventInputOf(draft, TODAY, MESSAGES)).toEqual({
      ok: true,
      input: { type: 'conversation', date: TODAY, held: true, mode: 'home', note: 'God samtale' },
    });
  });

  it('asks who cancelled a conversation that was not held, and whether it was held at all', () => {
    expect(eventInputOf({ ...blankEvent(TODAY), held: 'no' }, TODAY, MESSAGES)).toEqual({
      ok: false,
      found: { cancelled_by: 'cancelledBy' },
    });
    expect(eventInputOf(blankEvent(TODAY), TODAY, MESSAGES)).toEqual({ ok: false, found: { held: 'held' } });
    expect(eventInputOf({ ...blankEvent(TODAY), held: 'no', cancelledBy: 'citizen' }, TODAY, MESSAGES)).toEqual({
      ok: true,
      input: { type: 'conversation', date: TODAY, held: false, cancelled_by: 'citizen' },
    });
  });

  it('needs the kind of an activity and an end on or after its start', () => {
    const activity = { ...blankEvent(TODAY), type: 'activity' as const, date: '2026-11-20' };
    expect(eventInputOf(activity, TODAY, MESSAGES)).toEqual({ ok: false, found: { kind: 'kind' } });
    expect(eventInputOf({ ...activity, kind: 'cv_workshop', endDate: '2026-11-19' }, TODAY, MESSAGES)).toEqual({
      ok: false,
      found: { end_date: 'endDate' },
    });
    expect(eventInputOf({ ...activity, kind: 'cv_workshop', endDate: '2026-11-20' }, TODAY, MESSAGES)).toEqual({
      ok: true,
      input: { type: 'activity', date: '2026-11-20', kind: 'cv_workshop', end_date: '2026-11-20' },
    });
  });

  it('refuses a date in the future or no date, and sends a mentor without an end', () => {
    expect(eventInputOf({ ...blankEvent(TODAY), type: 'mentor', date: '2026-11-24' }, TODAY, MESSAGES)).toEqual({
      ok: false,
      found: { date: 'future' },
    });
    expect(eventInputOf({ ...blankEvent(TODAY), type: 'mentor', date: '' }, TODAY, MESSAGES)).toEqual({
      ok: false,
      found: { date: 'date' },
    });
    expect(eventInputOf({ ...blankEvent(TODAY), type: 'mentor' }, TODAY, MESSAGES)).toEqual({
      ok: true,
      input: { type: 'mentor', date: TODAY },
    });
  });
});
