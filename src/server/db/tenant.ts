import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';

// One municipality's view of the database. Every table but `municipality` and
// `schema_migrations` belongs to a municipality and leads its primary key with municipality_id
// (the distribution column under Citus). Queries of those tables start here, so the filter is
// added once, by this helper, and cannot be forgotten. What the helper cannot reach — a join's
// other table, a subquery, raw SQL — the tenant guard (tenant-guard.ts) checks in every
// integration test: a statement on a tenant table without its municipality filter fails the test.

/** The tables that belong to a municipality. A test compares this list with the migrated database. */
export const TENANT_TABLES = [
  'app_user',
  'user_role',
  'team',
  'team_member',
  'user_session',
  'audit_event',
  'audit_head',
  'citizen',
  'citizen_case',
  'case_number_counter',
  'case_event',
  'case_change',
  'case_deadline',
  'case_access_grant',
  'municipality_rules',
  'experiment',
  'experiment_design',
  'experiment_seed',
  'enrolment',
  'status_period',
  'weekly_status',
  'oidc_provider',
  'oidc_login_state',
] as const satisfies readonly (keyof Database)[];

export type TenantTable = (typeof TENANT_TABLES)[number];
/** A tenant table, optionally with an alias: `'citizen_case'` or `'citizen_case as c'`. */
export type TenantTableRef = TenantTable | `${TenantTable} as ${string}`;

// Kysely does not export the builder types of selectFrom & co.; an instantiation expression on a
// declared (never emitted) instance names them.
declare const _kysely: Kysely<Database>;
type SelectFrom<T extends TenantTableRef> = ReturnType<typeof _kysely.selectFrom<T>>;
type UpdateTable<T extends TenantTableRef> = ReturnType<typeof _kysely.updateTable<T>>;
type DeleteFrom<T extends TenantTableRef> = ReturnType<typeof _kysely.deleteFrom<T>>;
type InsertInto<T extends TenantTable> = ReturnType<typeof _kysely.insertInto<T>>;

/** A row to insert into a tenant table, without the municipality: the helper adds it. */
export type TenantRow<T extends TenantTable> = Omit<Insertable<Database[T]>, 'municipality_id'>;

interface Filterable {
  where(condition: RawBuilder<boolean>): unknown;
}

const aliasOf = (ref: TenantTableRef): string => ref.split(' as ')[1] ?? ref;

export class Tenant {
  constructor(
    /** The connection or transaction; for joins, subqueries and raw SQL (the guard checks those). */
    readonly kysely: Kysely<Database>,
    readonly municipalityId: string,
  ) {}

  /** `table.municipality_id = <this municipality>`, for a table or alias the helper did not open. */
  owns(tableOrAlias: string): RawBuilder<boolean> {
    return sql<boolean>`${sql.ref(`${tableOrAlias}.municipality_id`)} = ${this.municipalityId}`;
  }

  selectFrom<T extends TenantTableRef>(from: T): SelectFrom<T> {
    return this.filtered(this.kysely.selectFrom(from), from) as SelectFrom<T>;
  }

  updateTable<T extends TenantTableRef>(table: T): UpdateTable<T> {
    return this.filtered(this.kysely.updateTable(table), table) as UpdateTable<T>;
  }

  deleteFrom<T extends TenantTableRef>(from: T): DeleteFrom<T> {
    return this.filtered(this.kysely.deleteFrom(from), from) as DeleteFrom<T>;
  }

  /** Inserts rows of this municipality: `municipality_id` is set on each. */
  insertInto<T extends TenantTable>(table: T, rows: TenantRow<T> | readonly TenantRow<T>[]): InsertInto<T> {
    const list = (Array.isArray(rows) ? rows : [rows]) as readonly TenantRow<T>[];
    const values = list.map((row) => ({ ...row, municipality_id: this.municipalityId })) as unknown as Insertable<
      Database[T]
    >[];
    return this.kysely.insertInto(table).values(values);
  }

  // Kysely's where() cannot be called on a builder whose tables are still a type parameter;
  // every builder has it, and the caller gets its own type back.
  private filtered(query: unknown, ref: TenantTableRef): unknown {
    return (query as Filterable).where(this.owns(aliasOf(ref)));
  }

  /** The same municipality inside a transaction (PGlite has one connection: pass the transaction down). */
  with(trx: Kysely<Database>): Tenant {
    return new Tenant(trx, this.municipalityId);
  }
}

/**
 * Marks a statement that deliberately reads across municipalities (login by e-mail, the list of
 * identity providers, the nightly deadline refresh). The guard lets statements with this mark
 * pass; the reason stays in the SQL, where a reviewer and the database log see it.
 */
export const ALL_MUNICIPALITIES = (reason: string): RawBuilder<unknown> =>
  sql.raw(`/* all municipalities: ${reason.replace(/\*\//g, '')} */`);
