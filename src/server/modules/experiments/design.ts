import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { canonicalDesign, designProblems } from '../../../core/experiments/design.js';
import type { Ctx } from '../../context.js';
import { expectOneUpdated } from '../../db/versioned.js';
import { AppError, invalid, notFound } from '../../errors.js';
import * as q from './queries.js';
import type { Design, ExperimentBody, ExperimentSummary } from './schema.js';

// An experiment's design, edited while a draft and locked, versioned and hashed when
// enrolment starts: the pre-registration the evaluation is later judged against.

const NOT_FOUND = { da: 'Forsøget findes ikke.', en: 'The experiment does not exist.' };

function check(design: Design): void {
  const problems = designProblems(design);
  if (problems.length > 0) throw invalid({ da: problems.join('; '), en: problems.join('; ') }, { problems });
}

export async function loadExperiment(ctx: Ctx, id: string): Promise<ExperimentBody | undefined> {
  const row = await q.experimentById(ctx.db, id);
  if (row === undefined) return undefined;
  return {
    id: row.id,
    status: row.status,
    design: row.design as Design,
    design_version: row.design_version,
    design_hash: row.design_hash,
    locked_at: row.locked_at?.toISOString() ?? null,
    seed_id: row.seed_id,
    enrolled: await q.enrolledCount(ctx.db, id),
    version: row.version,
    created_at: row.created_at.toISOString(),
  };
}

export async function getExperiment(ctx: Ctx, id: string): Promise<ExperimentBody> {
  const found = await loadExperiment(ctx, id);
  if (found === undefined) throw notFound(NOT_FOUND);
  return found;
}

export async function listExperiments(ctx: Ctx): Promise<ExperimentSummary[]> {
  const rows = await q.experimentsWithCounts(ctx.db);
  return rows.map((r) => ({
    id: r.id,
    name: (r.design as Design).name,
    status: r.status,
    enrolled: r.enrolled ?? 0,
    design_version: r.design_version,
    created_at: r.created_at.toISOString(),
  }));
}

/** A new draft; returns its id. */
export async function createExperiment(ctx: Ctx, design: Design): Promise<string> {
  check(design);
  const id = randomUUID();
  await q.insertExperiment(ctx.db, id, design, ctx.actor.userId);
  return id;
}

const locked = () =>
  new AppError(
    'conflict',
    {
      da: 'Designet er låst, fordi rekrutteringen er begyndt.',
      en: 'The design is locked because enrolment has started.',
    },
    { reason: 'design_locked' },
  );

export async function updateDesign(ctx: Ctx, id: string, design: Design, version: number): Promise<ExperimentBody> {
  check(design);
  const current = await getExperiment(ctx, id);
  if (current.status !== 'draft') throw locked();
  await expectOneUpdated(
    await q.updateDraftDesign(ctx.db, id, design, version),
    () => loadExperiment(ctx, id),
    NOT_FOUND,
  );
  return getExperiment(ctx, id);
}

/** Locks the design (pre-registration) and draws the allocation seed; enrolment may begin. */
export async function startEnrolment(ctx: Ctx, id: string, version: number): Promise<ExperimentBody> {
  const current = await getExperiment(ctx, id);
  if (current.status !== 'draft') throw locked();
  const lock = {
    hash: createHash('sha256').update(canonicalDesign(current.design)).digest('hex'),
    seedId: randomUUID(),
    at: ctx.now,
    by: ctx.actor.userId,
  };
  await expectOneUpdated(await q.lockDraft(ctx.db, id, version, lock), () => loadExperiment(ctx, id), NOT_FOUND);
  await q.insertDesignVersion(ctx.db, id, current.design_version, current.design, lock);
  // 256 random bits: the next allocation cannot be guessed without the seed, which no API returns.
  await q.insertSeed(ctx.db, id, lock.seedId, randomBytes(32).toString('base64url'));
  return getExperiment(ctx, id);
}

export async function closeEnrolment(ctx: Ctx, id: string, version: number): Promise<ExperimentBody> {
  await expectOneUpdated(await q.closeEnrolling(ctx.db, id, version), () => loadExperiment(ctx, id), NOT_FOUND);
  return getExperiment(ctx, id);
}
