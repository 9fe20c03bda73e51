import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './index.js';

const rules = { perPair: { max: 3, windowMs: 1000 }, perAddress: { max: 5, windowMs: 2000 } };

describe('FailureThrottle', () => {
  it('backs off a pair after max failures until the filling failure leaves the window', () => {
    const t = new FailureThrottle(rules);
    t.fail('a', 'ip1', 0);
    t.fail('a', 'ip1', 100);
    expect(t.check('a', 'ip1', 200)).toBeUndefined();
    t.fail('a', 'ip1', 200);
    expect(t.check('a', 'ip1', 300)).toEqual({ scope: 'pair', retryAfterMs: 700 });
    expect(t.check('a', 'ip1', 1000)).toBeUndefined();
  });

  it('keeps other addresses and other subjects free', () => {
    const t = new FailureThrottle(rules);
    for (let i = 0; i < 3; i++) t.fail('a', 'ip1', i);
    expect(t.check('a', 'ip1', 10)?.scope).toBe('pair');
    expect(t.check('a', 'ip2', 10)).toBeUndefined();
    expect(t.check('b', 'ip1', 10)).toBeUndefined();
  });

  it('backs off a whole address after max failures across subjects', () => {
    const t = new FailureThrottle(rules);
    for (let i = 0; i < 5; i++) t.fail(`s${i}`, 'ip1', i * 10);
    expect(t.check('new', 'ip1', 100)).toEqual({ scope: 'address', retryAfterMs: 1900 });
    expect(t.check('new', 'ip2', 100)).toBeUndefined();
  });

  it('forgets the pair on success but not the address', () => {
    const t = new FailureThrottle(rules);
    for (let i = 0; i < 3; i++) t.fail('a', 'ip1', i);
    t.succeed('a', 'ip1');
    expect(t.check('a', 'ip1', 10)).toBeUndefined();
    t.fail('a', 'ip1', 11);
    t.fail('b', 'ip1', 12);
    expect(t.check('c', 'ip1', 13)?.scope).toBe('address');
  });
});
