import { describe, it, expect } from 'vitest';
import { hasFilters, readQueueView, writeQueueView } from './queueQuery.js';

describe('work-queue query string', () => {
  it('reads filters and page, and writes them back the same', () => {
    const params = new URLSearchParams('regel=lab.first_conversation&spor=step_up&status=overdue&side=3');
    const view = readQueueView(params);
    expect(view).toEqual({ rule: 'lab.first_conversation', track: 'step_up', status: 'overdue', page: 3 });
    expect(writeQueueView(view).toString()).toBe('regel=lab.first_conversation&spor=step_up&status=overdue&side=3');
    expect(hasFilters(view)).toBe(true);
  });

  it('drops values the API would reject, and page 1 from the address', () => {
    const view = readQueueView(new URLSearchParams('regel=a%20b&spor=fast_track&status=late&side=-2'));
    expect(view).toEqual({ rule: undefined, track: undefined, status: undefined, page: 1 });
    expect(hasFilters(view)).toBe(false);
    expect(writeQueueView(view).toString()).toBe('');
    expect(readQueueView(new URLSearchParams('side=1.5')).page).toBe(1);
  });

  it("keeps the page's other parameters", () => {
    const base = new URLSearchParams('omfang=team&side=4&spor=step_up');
    const next = writeQueueView({ rule: undefined, track: undefined, status: 'open', page: 1 }, base);
    expect(next.toString()).toBe('omfang=team&status=open');
  });
});
