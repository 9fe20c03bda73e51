import { sql } from 'kysely';
import type { ActorScope } from '../../../core/access/case-scope.js';
import { ageOn, benefitYearsOn, isEligible, stratumOf } from '../../../core/experiments/design.js';
import { allocationAt } from '../../../core/randomisation/index.js';
import type { Ctx } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import { visibleCases } from '../cases/scope.js';
import { getExperiment } from './design.js';
import type { Design } from './schema.js';

// Enrolment with concealed allocation: the arm is drawn only when a citizen is enrolled,
// from a seed no API returns, and the n-th citizen of a stratum takes the n-th place of the
// stratum's permuted-block sequence (the same algorithm as `medspiller randomise`).

interface Candidate {
  case_id: string;
  citizen_id: string;
  name: string;
  pseudonym: string;
  birth_date: string;
  benefit_start: string;
  category: string | null;
}

function baselineOf(c: Candidate, on: string) {
  return { age: ageOn(c.birth_date, on), benefitYears: benefitYearsOn(c.benefit_start, on), category: c.category };
}

async function candidates(ctx: Ctx, scope: ActorScope, experimentId: string, caseId?: string): Promise<Candidate[]> {
  let q = ctx.db
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', (j) => j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'))
    .select(['c.id as case_id', 'z.id as citizen_id', 'z.name', 'z.pseudonym', 'z.birth_date', 'c.benefit_start', 'c.category'])
    .where(visibleCases(scope))
    .where('c.status', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('enrolment as e').select('e.citizen_id').whereRef('e.municipality_id', '=', 'c.municipality_id').whereRef('e.citizen_id', '=', 'c.citizen_id').where('e.experiment_id', '=', experimentId),
        ),
      ),
    )
    .orderBy(sql`lower(z.name) COLLATE "C"`)
    .orderBy('c.id');
  if (caseId !== undefined) q = q.where('c.id', '=', caseId);
  return q.execute();
}

export async function eligibleCitizens(ctx: Ctx, scope: ActorScope, experimentId: string, limit: number, offset: number) {
  const experiment = await getExperiment(ctx, experimentId);
  const design = experiment.design;
  const all = (await candidates(ctx, scope, experimentId))
    .map((c) => ({ c, b: baselineOf(c, ctx.today) }))
    .filter(({ b }) => isEligible(b, design.eligibility));
  return {
    total: all.length,
    items: all.slice(offset, offset + limit).map(({ c, b }) => ({
      case_id: c.case_id,
      citizen_id: c.citizen_id,
      name: c.name,
      pseudonym: c.pseudonym,
      age: b.age,
      benefit_years: b.benefitYears,
      category: c.category,
      stratum: stratumOf(b, design.strata),
    })),
  };
}

export async function enrol(ctx: Ctx, scope: ActorScope, experimentId: string, caseId: string, consent: boolean): Promise<string> {
  const m = ctx.actor.municipalityId;
  // One enrolment at a time per experiment: positions in a stratum must not be taken twice.
  const locked = await ctx.db.selectFrom('experiment').select(['status', 'design', 'seed_id']).where('municipality_id', '=', m).where('id', '=', experimentId).forUpdate().executeTakeFirst();
  if (locked === undefined) throw notFound({ da: 'Forsøget findes ikke.', en: 'The experiment does not exist.' });
  if (locked.status !== 'enrolling') throw new AppError('conflict', { da: 'Forsøget rekrutterer ikke.', en: 'The experiment is not enrolling.' }, { reason: 'not_enrolling' });
  const design = locked.design as Design;
  if (design.consent_required && !consent) {
    throw invalid({ da: 'consent: forsøget kræver borgerens samtykke, før borgeren kan indgå.', en: 'consent: the experiment needs the citizen\'s consent before enrolment.' });
  }
  const [candidate] = await candidates(ctx, scope, experimentId, caseId);
  if (candidate === undefined) {
    const already = await ctx.db.selectFrom('enrolment').select('arm').where('municipality_id', '=', m).where('experiment_id', '=', experimentId).where('case_id', '=', caseId).executeTakeFirst();
    if (already !== undefined) throw new AppError('conflict', { da: 'Borgeren indgår allerede i forsøget.', en: 'The citizen is already enrolled.' }, { reason: 'already_enrolled' });
    throw notFound({ da: 'Sagen findes ikke, er lukket, eller du har ikke adgang til den.', en: 'The case does not exist, is closed, or you have no access to it.' });
  }
  const baseline = baselineOf(candidate, ctx.today);
  if (!isEligible(baseline, design.eligibility)) {
    throw new AppError('conflict', { da: 'Borgeren opfylder ikke forsøgets betingelser.', en: 'The citizen does not meet the experiment\'s eligibility.' }, { reason: 'not_eligible' });
  }
  const seed = await ctx.db.selectFrom('experiment_seed').select('seed').where('municipality_id', '=', m).where('experiment_id', '=', experimentId).executeTakeFirstOrThrow();
  const stratum = stratumOf(baseline, design.strata);
  const before = await ctx.db
    .selectFrom('enrolment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', m)
    .where('experiment_id', '=', experimentId)
    .where('stratum', '=', stratum)
    .executeTakeFirstOrThrow();
  const slot = allocationAt(seed.seed, stratum, design.arms, before.n);
  await ctx.db
    .insertInto('enrolment')
    .values({
      municipality_id: m,
      experiment_id: experimentId,
      citizen_id: candidate.citizen_id,
      case_id: candidate.case_id,
      stratum,
      position: before.n,
      arm: slot.arm,
      block: slot.block,
      enrolled_on: ctx.today,
      consent,
      enrolled_by: ctx.actor.userId,
      age: baseline.age,
      benefit_years: baseline.benefitYears,
      ended_on: null,
      end_reason: null,
    })
    .execute();
  await recordAudit(
    ctx.db,
    {
      actor: ctx.actor,
      citizenId: candidate.citizen_id,
      action: 'create',
      entity: 'enrolment',
      entityId: experimentId,
      purpose: 'experiment',
      requestId: ctx.requestId,
      // The seed's identity, never its value.
      details: { seed_id: locked.seed_id ?? '', stratum, position: before.n, arm: slot.arm, block: slot.block },
    },
    ctx.now,
  );
  return candidate.citizen_id;
}

export async function listEnrolments(ctx: Ctx, experimentId: string, options: { limit: number; offset: number; names: boolean; citizenId?: string }) {
  const m = ctx.actor.municipalityId;
  let base = ctx.db
    .selectFrom('enrolment as e')
    .innerJoin('citizen as z', (j) => j.onRef('z.municipality_id', '=', 'e.municipality_id').onRef('z.id', '=', 'e.citizen_id'))
    .where('e.municipality_id', '=', m)
    .where('e.experiment_id', '=', experimentId);
  if (options.citizenId !== undefined) base = base.where('e.citizen_id', '=', options.citizenId);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['e.citizen_id', 'e.case_id', 'z.pseudonym', 'z.name', 'e.stratum', 'e.arm', 'e.block', 'e.enrolled_on', 'e.consent', 'e.ended_on', 'e.end_reason'])
    .orderBy('e.enrolled_at')
    .orderBy('e.citizen_id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return {
    total: total.n,
    items: rows.map((r) => ({ ...r, name: options.names ? r.name : null, end_reason: r.end_reason as 'moved' | 'died' | 'withdrew' | null })),
  };
}

/** Attrition: follow-up ends with a reason (moved, died, withdrew). */
export async function endFollowUp(ctx: Ctx, experimentId: string, citizenId: string, endedOn: string, reason: 'moved' | 'died' | 'withdrew'): Promise<void> {
  const m = ctx.actor.municipalityId;
  const row = await ctx.db.selectFrom('enrolment').select(['enrolled_on', 'ended_on']).where('municipality_id', '=', m).where('experiment_id', '=', experimentId).where('citizen_id', '=', citizenId).executeTakeFirst();
  if (row === undefined) throw notFound({ da: 'Borgeren indgår ikke i forsøget.', en: 'The citizen is not enrolled.' });
  if (row.ended_on !== null) throw new AppError('conflict', { da: 'Opfølgningen er allerede afsluttet.', en: 'Follow-up has already ended.' }, { reason: 'already_ended' });
  if (endedOn < row.enrolled_on || endedOn > ctx.today) {
    throw invalid({ da: 'ended_on: skal ligge mellem rekrutteringsdatoen og i dag.', en: 'ended_on: must lie between the enrolment date and today.' });
  }
  await ctx.db.updateTable('enrolment').set({ ended_on: endedOn, end_reason: reason }).where('municipality_id', '=', m).where('experiment_id', '=', experimentId).where('citizen_id', '=', citizenId).execute();
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId, action: 'update', entity: 'enrolment', entityId: experimentId, purpose: 'experiment', requestId: ctx.requestId, details: { ended_on: endedOn, reason } }, ctx.now);
}
