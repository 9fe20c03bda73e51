// Attempts of any outcome per client address in a sliding window, in memory: the OpenID Connect
// login starts use it. Password logins use core/throttle, which counts failures only. Per
// process, which is enough for one server; several servers would each count their own share.

export class IpLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; false when the address has used up its attempts. */
  take(ip: string, now = Date.now()): boolean {
    const since = now - this.windowMs;
    const recent = (this.hits.get(ip) ?? []).filter((t) => t > since);
    if (recent.length >= this.max) {
      this.hits.set(ip, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(ip, recent);
    if (this.hits.size > 10_000) this.prune(since);
    return true;
  }

  private prune(since: number): void {
    for (const [ip, times] of this.hits) if (times.every((t) => t <= since)) this.hits.delete(ip);
  }
}
