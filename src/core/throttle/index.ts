// Back-off after failed attempts (logins, the current password on a password change), counted
// per (subject, address) pair and per address in sliding windows. A subject is what the attempt
// names: the e-mail as typed (normalised) for a login, the user for a password change.
//
// Only failures count: a busy office behind one proxy address never runs out by logging in.
// The pair, not the subject alone, is what backs off: a stranger who knows someone's e-mail
// cannot lock the real user out from elsewhere. The decision never looks at whether the
// subject exists, so an unknown e-mail backs off exactly like a known one.
//
// In memory, per process: enough for one server; several servers would each count their share.

export interface Window {
  /** Failures within `windowMs` that start the back-off. */
  max: number;
  windowMs: number;
}

export interface ThrottleRules {
  perPair: Window;
  perAddress: Window;
}

export interface BackOff {
  /** Which limit was reached: the pair (this subject from this address) or the address as a whole. */
  scope: 'pair' | 'address';
  /** Milliseconds until the next attempt is allowed. */
  retryAfterMs: number;
}

/** Above this many tracked keys, keys without a failure in their window are dropped. */
const PRUNE_ABOVE = 10_000;

class FailureLog {
  private readonly failures = new Map<string, number[]>();
  private lastPrune = 0;

  constructor(private readonly rule: Window) {}

  /** Milliseconds until `key` is below its limit again; 0 when it is. */
  wait(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.rule.max) return 0;
    // The attempt is allowed again once the failure that filled the window leaves it.
    return recent[recent.length - this.rule.max]! + this.rule.windowMs - now;
  }

  add(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > PRUNE_ABOVE && now - this.lastPrune > this.rule.windowMs / 10) this.prune(now);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const since = now - this.rule.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(now: number): void {
    this.lastPrune = now;
    const since = now - this.rule.windowMs;
    for (const [key, times] of this.failures) if (times.every((t) => t <= since)) this.failures.delete(key);
  }
}

export class FailureThrottle {
  private readonly pairs: FailureLog;
  private readonly addresses: FailureLog;

  constructor(readonly rules: ThrottleRules) {
    this.pairs = new FailureLog(rules.perPair);
    this.addresses = new FailureLog(rules.perAddress);
  }

  /** The back-off in force for an attempt on `subject` from `address`, if any. */
  check(subject: string, address: string, now: number): BackOff | undefined {
    const pair = this.pairs.wait(pairKey(subject, address), now);
    if (pair > 0) return { scope: 'pair', retryAfterMs: pair };
    const whole = this.addresses.wait(address, now);
    if (whole > 0) return { scope: 'address', retryAfterMs: whole };
    return undefined;
  }

  /** Counts a failed attempt on `subject` from `address`. */
  fail(subject: string, address: string, now: number): void {
    this.pairs.add(pairKey(subject, address), now);
    this.addresses.add(address, now);
  }

  /**
   * A successful attempt forgets the pair's failures (the user got it right), not the address's:
   * otherwise an attacker with an account of their own could reset the address's count.
   */
  succeed(subject: string, address: string): void {
    this.pairs.clear(pairKey(subject, address));
  }
}

const pairKey = (subject: string, address: string): string => `${subject}\u0000${address}`;
