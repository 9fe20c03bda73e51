import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/core/access/roles.js';
import {
  ACTIVITY_KINDS,
  BENEFITS,
  CANCELLED_BY,
  CASE_STATUSES,
  CATEGORIES,
  CHANGE_KINDS,
  CLOSE_REASONS,
  CONTACT_CHANNELS,
  CONVERSATION_TYPES,
  END_REASONS,
  EVENT_TYPES,
  EXPERIMENT_STATUSES,
  MODES,
  PERIOD_SOURCES,
  PERIOD_STATUSES,
  TRACKS,
  USER_KINDS,
  WEEK_STATUSES,
} from '../../src/core/vocabulary.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';

// The database's CHECK constraints hold the same value lists as src/core: a value core accepts
// must not be refused by the database, nor the other way round. Every list in a CHECK must be
// named here, so a new one cannot be added to a migration without being tied to core.

/** Columns whose CHECK is exactly "one of these values": table.column → core's list. */
const DOMAINS: Record<string, readonly string[]> = {
  'citizen.contact_channel': CONTACT_CHANNELS,
  'citizen_case.benefit': BENEFITS,
  'citizen_case.category': CATEGORIES,
  'citizen_case.track': TRACKS,
  'citizen_case.status': CASE_STATUSES,
  'citizen_case.close_reason': CLOSE_REASONS,
  'case_event.type': EVENT_TYPES,
  'case_event.mode': MODES,
  'case_event.cancelled_by': CANCELLED_BY,
  'case_change.kind': CHANGE_KINDS,
  'user_role.role': ROLES,
  'app_user.kind': USER_KINDS,
  'experiment.status': EXPERIMENT_STATUSES,
  'enrolment.end_reason': END_REASONS,
  'status_period.status': PERIOD_STATUSES,
  'status_period.source': PERIOD_SOURCES,
  'weekly_status.status': WEEK_STATUSES,
  'oidc_provider.audience': USER_KINDS,
};

/** Lists inside a larger rule: table.column → core's list (e.g. "a conversation says whether it was held"). */
const RULE_LISTS: Record<string, readonly string[]> = {
  'case_event.type': CONVERSATION_TYPES,
};

/** Columns that hold a core vocabulary but have no CHECK yet (known; a migration would add it). */
const UNCHECKED: Record<string, readonly string[]> = {
  'case_event.kind': ACTIVITY_KINDS,
};

interface ValueList {
  column: string;
  values: string[];
  /** The whole constraint is this list, not a part of a larger rule. */
  whole: boolean;
  constraint: string;
}

// pg_get_constraintdef prints `col IN ('a', 'b')` as `(col = ANY (ARRAY['a'::text, 'b'::text]))`.
const LIST = /\(?\(?([a-z_][a-z0-9_]*)\)?(?:::[a-z ]+)? = ANY \(\(?ARRAY\[([^\]]*)\]\)?(?:::[a-z ]+\[\])?\)\)?/g;

function valueLists(table: string, definition: string): ValueList[] {
  const lists: ValueList[] = [];
  for (const m of definition.matchAll(LIST)) {
    const [text, column = '', items = ''] = m;
    const values = [...items.matchAll(/'((?:[^']|'')*)'/g)].map((v) => (v[1] ?? '').replace(/''/g, "'"));
    const rest = definition.replace(text, '').replace(/^CHECK\s*/, '');
    lists.push({ column: `${table}.${column}`, values, whole: /^[()\s]*$/.test(rest), constraint: definition });
  }
  // An ARRAY the pattern did not recognise (NOT IN, a cast we do not know) is a list too: fail on it.
  const arrays = definition.split('ARRAY[').length - 1;
  if (arrays !== lists.length) lists.push({ column: `${table}.?`, values: [], whole: false, constraint: definition });
  return lists;
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

describe.each(drivers)('CHECK lists match core vocabulary on %s', (driver) => {
  let t: TestDb;
  let lists: ValueList[];

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    const { rows } = await sql<{ table: string; definition: string }>`
      SELECT cl.relname AS "table", pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con
      JOIN pg_class cl ON cl.oid = con.conrelid
      JOIN pg_namespace ns ON ns.oid = cl.relnamespace
      WHERE con.contype = 'c' AND ns.nspname = current_schema()
      ORDER BY cl.relname, con.conname`.execute(t.db.kysely);
    lists = rows.flatMap((r) => valueLists(r.table, r.definition));
  });

  afterAll(async () => {
    await t.drop();
  });

  it.each(Object.entries(DOMAINS))('%s has one CHECK, equal to core', (column, expected) => {
    const found = lists.filter((l) => l.whole && l.column === column);
    expect(found.map((l) => l.constraint)).toHaveLength(1);
    expect(sorted(found[0]?.values ?? [])).toEqual(sorted(expected));
  });

  it.each(Object.entries(RULE_LISTS))('the rule on %s uses core', (column, expected) => {
    const found = lists.filter((l) => !l.whole && l.column === column);
    expect(found.map((l) => l.constraint)).toHaveLength(1);
    expect(sorted(found[0]?.values ?? [])).toEqual(sorted(expected));
  });

  it('every value list in a CHECK is one of the above', () => {
    const unknown = lists.filter((l) => (l.whole ? DOMAINS[l.column] : RULE_LISTS[l.column]) === undefined);
    expect(unknown.map((l) => l.constraint)).toEqual([]);
  });

  it('the columns known to lack a CHECK still lack it (move them to DOMAINS when one is added)', () => {
    for (const [column, values] of Object.entries(UNCHECKED)) {
      expect(values.length).toBeGreaterThan(0);
      expect(lists.filter((l) => l.column === column)).toEqual([]);
    }
  });
});
