import type { Actor } from '../core/access/actor.js';
import type { CprKeyring } from './crypto/index.js';
import type { Tenant } from './db/tenant.js';

/** What a use case needs to know about the call it serves. */
export interface Ctx {
  /** The caller's municipality's view of the transaction: every tenant query starts here. */
  db: Tenant;
  actor: Actor;
  requestId: string;
  /** From the injected clock: tests fix it. */
  now: Date;
  /** The calendar day in Denmark at `now`, YYYY-MM-DD: deadlines are counted in days there. */
  today: string;
  keyring: CprKeyring;
}

const copenhagen = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function danishDate(now: Date): string {
  return copenhagen.format(now);
}
