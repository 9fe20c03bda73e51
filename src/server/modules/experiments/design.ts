import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { canonicalDesign, designProblems } from '../../../core/experiments/design.js';
import type { Ctx } from '../../context.js';
import { expectOneUpdated } from '../../db/versioned.js';
import { AppError, invalid, notFound } from '../../errors.js';
import type { Design, ExperimentBody } from './schema.js';

// An experiment's design, edited while a draft and locked, versioned and hashed when
// enrolment starts: the pre-registration the evaluation is later judged against.

const NOT_FOUND = { da: 'Forsøget findes ikke.', en: 'The experiment does not exist.' };

function check(design: Design): void {
  const problems = designProblems(design);
  if (problems.length > 0) throw invalid({ da: problems.join('; '), en: problems.join('; ') }, { problems });
}

export async function loadExperiment(ctx: Ctx, id: string): Promise<ExperimentBody | undefined> {
  const row = await ctx.db.selectFrom('experiment').selectAll().where('municipality_id', '=', ctx.actor.municipalityId).where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const enrolled = await ctx.db
    .selectFrom('enrolment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('experiment_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    status: row.status as ExperimentBody['status'],
    design: row.design as Design,
    design_version: row.design_version,
    design_hash: row.design_hash,
    locked_at: row.locked_at?.toISOString() ?? null,
    seed_id: row.seed_id,
    enrolled: enrolled.n,
    version: row.version,
    created_at: row.created_at.toISOString(),
  };
}

export async function getExperiment(ctx: Ctx, id: string): Promise<ExperimentBody> {
  const found = await loadExperiment(ctx, id);
  if (found === undefined) throw notFound(NOT_FOUND);
  return found;
}

export async function listExperiments(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('experiment as x')
    .select(['x.id', 'x.status', 'x.design', 'x.design_version', 'x.created_at'])
    .select((eb) =>
      eb
        .selectFrom('enrolment as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.municipality_id', '=', 'x.municipality_id')
        .whereRef('e.experiment_id', '=', 'x.id')
        .as('enrolled'),
    )
    .where('x.municipality_id', '=', ctx.actor.municipalityId)
    .orderBy('x.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: (r.design as Design).name,
    status: r.status as ExperimentBody['status'],
    enrolled: r.enrolled ?? 0,
    design_version: r.design_version,
    created_at: r.created_at.toISOString(),
  }));
}

export async function createExperiment(ctx: Ctx, design: Design): Promise<string> {
  check(design);
  const id = randomUUID();
  await ctx.db
    .insertInto('experiment')
    .values({ municipality_id: ctx.actor.municipalityId, id, design: JSON.stringify(design), design_hash: null, locked_at: null, seed_id: null, created_by: ctx.actor.userId })
    .execute();
  return id;
}

const locked = () => new AppError('conflict', { da: 'Designet er låst, fordi rekrutteringen er begyndt.', en: 'The design is locked because enrolment has started.' }, { reason: 'design_locked' });

export async function updateDesign(ctx: Ctx, id: string, design: Design, version: number): Promise<void> {
  check(design);
  const current = await getExperiment(ctx, id);
  if (current.status !== 'draft') throw locked();
  const result = await ctx.db
    .updateTable('experiment')
    .set((eb) => ({ design: JSON.stringify(design), version: eb('version', '+', 1) }))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  await expectOneUpdated(result, () => loadExperiment(ctx, id), NOT_FOUND);
}

/** Locks the design (pre-registration) and draws the allocation seed; enrolment may begin. */
export async function startEnrolment(ctx: Ctx, id: string, version: number): Promise<void> {
  const current = await getExperiment(ctx, id);
  if (current.status !== 'draft') throw locked();
  const hash = createHash('sha256').update(canonicalDesign(current.design)).digest('hex');
  const seedId = randomUUID();
  const m = ctx.actor.municipalityId;
  const result = await ctx.db
    .updateTable('experiment')
    .set((eb) => ({ status: 'enrolling', design_hash: hash, locked_at: ctx.now, seed_id: seedId, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  await expectOneUpdated(result, () => loadExperiment(ctx, id), NOT_FOUND);
  await ctx.db
    .insertInto('experiment_design')
    .values({ municipality_id: m, experiment_id: id, design_version: current.design_version, design: JSON.stringify(current.design), design_hash: hash, locked_at: ctx.now, locked_by: ctx.actor.userId })
    .execute();
  // 256 random bits: the next allocation cannot be guessed without the seed, which no API returns.
  await ctx.db.insertInto('experiment_seed').values({ municipality_id: m, experiment_id: id, seed_id: seedId, seed: randomBytes(32).toString('base64url') }).execute();
}

export async function closeEnrolment(ctx: Ctx, id: string, version: number): Promise<void> {
  const result = await ctx.db
    .updateTable('experiment')
    .set((eb) => ({ status: 'closed', version: eb('version', '+', 1) }))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'enrolling')
    .executeTakeFirst();
  await expectOneUpdated(result, () => loadExperiment(ctx, id), NOT_FOUND);
}
