import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import * as q from './queries.js';
import type { Readiness } from './schema.js';

// The installation: its municipalities and whether its database is ready to serve.

/** Ready when the database answers and holds every migration this build knows. */
export async function readiness(db: Kysely<Database>, migrationCount: number): Promise<Readiness> {
  let applied: number;
  try {
    applied = await q.appliedMigrations(db);
  } catch {
    throw new AppError('not_ready', { da: 'Databasen svarer ikke.', en: 'The database does not answer.' });
  }
  if (applied !== migrationCount) {
    throw new AppError('not_ready', {
      da: `Databasen har ${applied} af ${migrationCount} migreringer.`,
      en: `The database has ${applied} of ${migrationCount} migrations.`,
    });
  }
  return { status: 'ready', migrations: applied };
}

export interface Municipality {
  id: string;
  /** Four-digit municipality code (kommunekode), e.g. 0390 Vordingborg. */
  code: string;
  name: string;
}

/** Adds a municipality; returns its id. */
export async function createMunicipality(db: Kysely<Database>, m: { code: string; name: string }): Promise<string> {
  const id = randomUUID();
  await q.insertMunicipality(db, { id, code: m.code, name: m.name });
  return id;
}

export async function findMunicipalityByCode(db: Kysely<Database>, code: string): Promise<Municipality | undefined> {
  return (await q.municipalities(db, code))[0];
}

/** Every municipality by code, or the one with `code`. */
export async function listMunicipalities(db: Kysely<Database>, code?: string): Promise<Municipality[]> {
  return q.municipalities(db, code);
}

/** True when the database holds no municipality yet. */
export async function hasNoMunicipality(db: Kysely<Database>): Promise<boolean> {
  return !(await q.anyMunicipality(db));
}

export async function municipalityName(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return q.municipalityName(db, id);
}
