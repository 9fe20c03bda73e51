import type { Kysely } from 'kysely';
import type { Actor } from '../core/access/actor.js';
import type { Database } from './db/schema.js';
import type { CprKeyring } from './crypto/index.js';

/** What a use case needs to know about the call it serves. */
export interface Ctx {
  db: Kysely<Database>;
  actor: Actor;
  requestId: string;
  now: Date;
  /** The calendar day in Denmark at `now`, YYYY-MM-DD: deadlines are counted in days there. */
  today: string;
  keyring: CprKeyring;
}

const copenhagen = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

export function danishDate(now: Date): string {
  return copenhagen.format(now);
}
