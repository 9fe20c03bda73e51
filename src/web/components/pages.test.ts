import { describe, it, expect } from 'vitest';
import { pageCount, visiblePages } from './pages.js';

describe('visiblePages', () => {
  it('shows every page up to seven', () => {
    expect(visiblePages(1, 1)).toEqual([1]);
    expect(visiblePages(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('follows the DKFDS pattern beyond seven pages', () => {
    expect(visiblePages(1, 20)).toEqual([1, 2, 3, 4, 5, null, 20]);
    expect(visiblePages(4, 20)).toEqual([1, 2, 3, 4, 5, null, 20]);
    expect(visiblePages(10, 20)).toEqual([1, null, 9, 10, 11, null, 20]);
    expect(visiblePages(17, 20)).toEqual([1, null, 16, 17, 18, 19, 20]);
    expect(visiblePages(20, 20)).toEqual([1, null, 16, 17, 18, 19, 20]);
  });
});

describe('pageCount', () => {
  it('counts whole pages and never fewer than one', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });
});
