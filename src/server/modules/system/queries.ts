import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

// municipality and schema_migrations: the tables that belong to no municipality.

export async function appliedMigrations(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(db);
  return row.rows[0]?.n ?? 0;
}

export interface MunicipalityRow {
  id: string;
  code: string;
  name: string;
}

export async function insertMunicipality(db: Kysely<Database>, m: MunicipalityRow): Promise<void> {
  await db.insertInto('municipality').values(m).execute();
}

/** By code; all of them when `code` is undefined. */
export async function municipalities(db: Kysely<Database>, code?: string): Promise<MunicipalityRow[]> {
  let query = db.selectFrom('municipality').select(['id', 'code', 'name']).orderBy('code');
  if (code !== undefined) query = query.where('code', '=', code);
  return query.execute();
}

export async function anyMunicipality(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function municipalityName(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('municipality').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}
