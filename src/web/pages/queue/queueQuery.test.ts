import { describe, it, expect } from 'vitest';
import { hasFilters, readQueueView, writeQueueView } from './queueQuery.js';

describe('work-queue query string', () => {
  it('reads filters and page, and writes them back the same', () => {
    const params = new URLSearchParams('regel=lab.first_conversation&spor=step_up&status=overdue&side=3');
    const view = readQueueView(params);
    expect(view).toEqual({
      rule: 'lab.first_conversation',
      track: 'step_up',
      status: 'overdue',
      sort: 'urgency',
      order: 'asc',
      page: 3,
    });
    expect(writeQueueView(view).toString()).toBe('regel=lab.first_conversation&spor=step_up&status=overdue&side=3');
    expect(hasFilters(view)).toBe(true);
  });

  it('drops values the API would reject, and page 1 from the address', () => {
    const view = readQueueView(new URLSearchParams('regel=a%20b&spor=fast_track&status=late&side=-2'));
    expect(view).toEqual({
      rule: undefined,
      track: undefined,
      status: undefined,
      sort: 'urgency',
      order: 'asc',
      page: 1,
    });
    expect(hasFilters(view)).toBe(false);
    expect(writeQueueView(view).toString()).toBe('');
    expect(readQueueView(new URLSearchParams('side=1.5')).page).toBe(1);
  });

  it("keeps the page's other parameters", () => {
    const base = new URLSearchParams('omfang=team&side=4&spor=step_up');
    const next = writeQueueView(
      { rule: undefined, track: undefined, status: 'open', sort: 'urgency', order: 'asc', page: 1 },
      base,
    );
    expect(next.toString()).toBe('omfang=team&status=open');
  });

  it('keeps a chosen sort and order, and leaves the defaults out of the address', () => {
    const view = readQueueView(new URLSearchParams('sortering=name&orden=desc'));
    expect([view.sort, view.order]).toEqual(['name', 'desc']);
    expect(writeQueueView(view).toString()).toBe('sortering=name&orden=desc');
    expect(readQueueView(new URLSearchParams('sortering=due&orden=up'))).toMatchObject({
      sort: 'urgency',
      order: 'asc',
    });
  });
});
