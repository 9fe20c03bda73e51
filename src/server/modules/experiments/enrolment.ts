import { ageOn, benefitYearsOn, isEligible, stratumOf } from '../../../core/experiments/design.js';
import { allocationAt } from '../../../core/randomisation/index.js';
import type { EndReason } from '../../../core/vocabulary.js';
import type { Ctx } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { actorScope } from '../access/service.js';
import * as audit from '../audit/service.js';
import { getExperiment } from './design.js';
import { experimentPseudonyms } from './pseudonyms.js';
import * as q from './queries.js';
import type { Design, EligibleCitizen, Enrolment } from './schema.js';

// Enrolment with concealed allocation: the arm is drawn only when a citizen is enrolled,
// from a seed no API returns, and the n-th citizen of a stratum takes the n-th place of the
// stratum's permuted-block sequence (the same algorithm as `medspiller randomise`).

export interface Page {
  limit?: number | undefined;
  offset?: number | undefined;
}

function baselineOf(c: q.Candidate, on: string) {
  return { age: ageOn(c.birth_date, on), benefitYears: benefitYearsOn(c.benefit_start, on), category: c.category };
}

/** Citizens in the caller's cases who meet the eligibility and are not enrolled; each listed one is audited. */
export async function eligibleCitizens(
  ctx: Ctx,
  experimentId: string,
  page: Page,
): Promise<{ total: number; items: EligibleCitizen[] }> {
  const limit = page.limit ?? 100;
  const offset = page.offset ?? 0;
  const experiment = await getExperiment(ctx, experimentId);
  const design = experiment.design;
  const scope = await actorScope(ctx.db, ctx.actor, ctx.now);
  const all = (await q.candidates(ctx.db, scope, experimentId))
    .map((c) => ({ c, b: baselineOf(c, ctx.today) }))
    .filter(({ b }) => isEligible(b, design.eligibility));
  const items = all.slice(offset, offset + limit).map(({ c, b }) => ({
    case_id: c.case_id,
    citizen_id: c.citizen_id,
    name: c.name,
    pseudonym: c.pseudonym,
    age: b.age,
    benefit_years: b.benefitYears,
    category: c.category as EligibleCitizen['category'],
    stratum: stratumOf(b, design.strata),
  }));
  await audit.record(
    ctx,
    items.map((e) => ({
      citizenId: e.citizen_id,
      action: 'read' as const,
      entity: 'experiment_eligible',
      entityId: experimentId,
      purpose: 'experiment',
    })),
  );
  return { total: all.length, items };
}

/** Enrols the citizen of a case the caller may see and draws their arm; returns the enrolment. */
export async function enrol(ctx: Ctx, experimentId: string, caseId: string, consent: boolean): Promise<Enrolment> {
  // One enrolment at a time per experiment: positions in a stratum must not be taken twice.
  const locked = await q.lockExperiment(ctx.db, experimentId);
  if (locked === undefined) throw notFound({ da: 'Forsøget findes ikke.', en: 'The experiment does not exist.' });
  if (locked.status !== 'enrolling')
    throw new AppError(
      'conflict',
      { da: 'Forsøget rekrutterer ikke.', en: 'The experiment is not enrolling.' },
      { reason: 'not_enrolling' },
    );
  const design = locked.design as Design;
  if (design.consent_required && !consent) {
    throw invalid({
      da: 'consent: forsøget kræver borgerens samtykke, før borgeren kan indgå.',
      en: "consent: the experiment needs the citizen's consent before enrolment.",
    });
  }
  const scope = await actorScope(ctx.db, ctx.actor, ctx.now);
  const [candidate] = await q.candidates(ctx.db, scope, experimentId, caseId);
  if (candidate === undefined) {
    if (await q.isCaseEnrolled(ctx.db, experimentId, caseId))
      throw new AppError(
        'conflict',
        { da: 'Borgeren indgår allerede i forsøget.', en: 'The citizen is already enrolled.' },
        { reason: 'already_enrolled' },
      );
    throw notFound({
      da: 'Sagen findes ikke, er lukket, eller du har ikke adgang til den.',
      en: 'The case does not exist, is closed, or you have no access to it.',
    });
  }
  const baseline = baselineOf(candidate, ctx.today);
  if (!isEligible(baseline, design.eligibility)) {
    throw new AppError(
      'conflict',
      {
        da: 'Borgeren opfylder ikke forsøgets betingelser.',
        en: "The citizen does not meet the experiment's eligibility.",
      },
      { reason: 'not_eligible' },
    );
  }
  const seed = await q.seedOf(ctx.db, experimentId);
  const stratum = stratumOf(baseline, design.strata);
  const position = await q.enrolledCount(ctx.db, experimentId, stratum);
  const slot = allocationAt(seed, stratum, design.arms, position);
  await q.insertEnrolment(ctx.db, {
    experiment_id: experimentId,
    citizen_id: candidate.citizen_id,
    case_id: candidate.case_id,
    stratum,
    position,
    arm: slot.arm,
    block: slot.block,
    enrolled_on: ctx.today,
    consent,
    enrolled_by: ctx.actor.userId,
    age: baseline.age,
    benefit_years: baseline.benefitYears,
    ended_on: null,
    end_reason: null,
  });
  await audit.record(ctx, {
    citizenId: candidate.citizen_id,
    action: 'create',
    entity: 'enrolment',
    entityId: experimentId,
    purpose: 'experiment',
    // The seed's identity, never its value.
    details: { seed_id: locked.seed_id ?? '', stratum, position, arm: slot.arm, block: slot.block },
  });
  return enrolmentOf(ctx, experimentId, candidate.citizen_id);
}

/** One citizen's enrolment with their name (for the enrollers who just changed it). */
async function enrolmentOf(ctx: Ctx, experimentId: string, citizenId: string): Promise<Enrolment> {
  const { rows } = await q.enrolments(ctx.db, experimentId, { limit: 1, offset: 0, citizenId });
  const row = rows[0];
  if (row === undefined) throw new Error('enrolment vanished inside its own transaction');
  return { ...row, end_reason: row.end_reason };
}

/**
 * Enrolled citizens with arm and follow-up: names for case staff (and each listed citizen
 * audited), pseudonyms for everyone else.
 */
export async function listEnrolments(
  ctx: Ctx,
  experimentId: string,
  page: Page,
): Promise<{ total: number; items: Enrolment[] }> {
  const names = ctx.actor.roles.some((r) => r === 'caseworker' || r === 'team_leader' || r === 'company_consultant');
  const { total, rows } = await q.enrolments(ctx.db, experimentId, {
    limit: page.limit ?? 100,
    offset: page.offset ?? 0,
  });
  // Analysts get no internal ids: stand-ins keyed per experiment, equal to no id anywhere.
  const hide = names || rows.length === 0 ? null : experimentPseudonyms(await q.seedOf(ctx.db, experimentId));
  const items = rows.map((r) => ({
    ...r,
    citizen_id: hide === null ? r.citizen_id : hide.opaqueId('citizen', r.citizen_id),
    case_id: hide === null ? r.case_id : hide.opaqueId('case', r.case_id),
    name: names ? r.name : null,
    end_reason: r.end_reason,
  }));
  if (names) {
    await audit.record(
      ctx,
      rows.map((e) => ({
        citizenId: e.citizen_id,
        action: 'read' as const,
        entity: 'enrolment',
        entityId: experimentId,
        purpose: 'experiment',
      })),
    );
  }
  return { total, items };
}

/** Attrition: follow-up ends with a reason (moved, died, withdrew). */
export async function endFollowUp(
  ctx: Ctx,
  experimentId: string,
  citizenId: string,
  endedOn: string,
  reason: EndReason,
): Promise<Enrolment> {
  const row = await q.enrolmentDates(ctx.db, experimentId, citizenId);
  if (row === undefined) throw notFound({ da: 'Borgeren indgår ikke i forsøget.', en: 'The citizen is not enrolled.' });
  if (row.ended_on !== null)
    throw new AppError(
      'conflict',
      { da: 'Opfølgningen er allerede afsluttet.', en: 'Follow-up has already ended.' },
      { reason: 'already_ended' },
    );
  if (endedOn < row.enrolled_on || endedOn > ctx.today) {
    throw invalid({
      da: 'ended_on: skal ligge mellem rekrutteringsdatoen og i dag.',
      en: 'ended_on: must lie between the enrolment date and today.',
    });
  }
  await q.endEnrolment(ctx.db, experimentId, citizenId, endedOn, reason);
  await audit.record(ctx, {
    citizenId,
    action: 'update',
    entity: 'enrolment',
    entityId: experimentId,
    purpose: 'experiment',
    details: { ended_on: endedOn, reason },
  });
  return enrolmentOf(ctx, experimentId, citizenId);
}
