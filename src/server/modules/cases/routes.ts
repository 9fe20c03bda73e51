import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles, scoped } from '../../plugins/policy.js';
import { scopedCase } from '../../plugins/scope.js';
import { breakGlass, findCaseByCpr, revealCpr } from './case-access.js';
import { loadCase, readCase, searchCases } from './case-read.js';
import { reassign, recordEvent, setTrack, setVisitation, updateContact, voidEvent } from './case-write.js';
import { registerCitizen } from './registration.js';
import * as S from './schema.js';
import { contactPersons, timeline } from './timeline.js';
import { loadActorScope } from './scope.js';
import { caseAccess } from '../../../core/access/case-scope.js';

const CASE_STAFF = ['caseworker', 'company_consultant', 'team_leader'] as const;
const tags = ['cases'];

export const caseRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  app.post(
    '/api/cases',
    {
      config: { policy: roles('caseworker', 'team_leader') },
      schema: { tags, summary: 'Register a citizen and open their case', body: S.RegisterBody, response: { 201: S.CaseBody, ...errorResponses } },
    },
    async (request, reply) => {
      const body = await inTransaction(services, request, async (ctx) => {
        const caseId = await registerCitizen(ctx, request.body);
        // The registrar gets what their scope grants on the new case (a team leader reads, the caseworker writes).
        const scope = await loadActorScope(ctx.db, ctx.actor, ctx.now);
        const c = await ctx.db.selectFrom('citizen_case').select(['citizen_id', 'caseworker_id', 'team_id']).where('municipality_id', '=', ctx.actor.municipalityId).where('id', '=', caseId).executeTakeFirstOrThrow();
        const access = caseAccess(scope, { id: caseId, municipalityId: ctx.actor.municipalityId, citizenId: c.citizen_id, caseworkerId: c.caseworker_id, teamId: c.team_id });
        return loadCase(ctx, caseId, access);
      });
      return reply.status(201).send(body);
    },
  );

  app.get(
    '/api/cases',
    {
      config: { policy: roles(...CASE_STAFF) },
      schema: { tags, summary: 'Search the cases you may see', querystring: S.SearchQuery, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(S.CaseSummary) }), ...errorResponses } },
    },
    async (request) => inTransaction(services, request, async (ctx) => searchCases(ctx, await loadActorScope(ctx.db, ctx.actor, ctx.now), request.query)),
  );

  app.post(
    '/api/cases/find-by-cpr',
    {
      config: { policy: roles(...CASE_STAFF) },
      schema: { tags, summary: 'Find a case by whole CPR number (in the body, never the URL)', body: S.CprSearchBody, response: { 200: Type.Object({ case_id: S.Uuid, in_scope: Type.Boolean() }), ...errorResponses } },
    },
    async (request) => inTransaction(services, request, async (ctx) => findCaseByCpr(ctx, await loadActorScope(ctx.db, ctx.actor, ctx.now), request.body.cpr)),
  );

  app.get(
    '/api/cases/:caseId',
    { config: { policy: scoped('case.read', ...CASE_STAFF, 'citizen') }, schema: { tags, summary: 'One case with its citizen and deadlines', params: S.CaseParams, response: { 200: S.CaseBody, ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, (ctx) => readCase(ctx, c.id, c.access));
    },
  );

  app.put(
    '/api/cases/:caseId/visitation',
    { config: { policy: scoped('case.write', 'caseworker') }, schema: { tags, summary: 'Record the visitation (job-ready or activity-ready) with the reason', params: S.CaseParams, body: S.VisitationBody, response: { 200: S.CaseBody, ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, async (ctx) => {
        await setVisitation(ctx, c, request.body);
        return loadCase(ctx, c.id, c.access);
      });
    },
  );

  app.put(
    '/api/cases/:caseId/track',
    { config: { policy: scoped('case.write', 'caseworker') }, schema: { tags, summary: 'Place an activity-ready citizen in a track, with the reason', params: S.CaseParams, body: S.TrackBody, response: { 200: S.CaseBody, ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, async (ctx) => {
        await setTrack(ctx, c, request.body);
        return loadCase(ctx, c.id, c.access);
      });
    },
  );

  app.patch(
    '/api/cases/:caseId/citizen',
    { config: { policy: scoped('case.write', 'caseworker') }, schema: { tags, summary: "Change the citizen's contact details", params: S.CaseParams, body: S.ContactBody, response: { 200: S.CaseBody, ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, async (ctx) => {
        await updateContact(ctx, c, request.body);
        return loadCase(ctx, c.id, c.access);
      });
    },
  );

  app.post(
    '/api/cases/:caseId/events',
    { config: { policy: scoped('case.write', 'caseworker') }, schema: { tags, summary: 'Record what happened: a conversation, an activity, a contact', params: S.CaseParams, body: S.EventBody, response: { 201: S.CaseBody, ...errorResponses } } },
    async (request, reply) => {
      const c = scopedCase(request);
      const body = await inTransaction(services, request, async (ctx) => {
        await recordEvent(ctx, c, request.body);
        return loadCase(ctx, c.id, c.access);
      });
      return reply.status(201).send(body);
    },
  );

  app.post(
    '/api/cases/:caseId/events/:eventId/void',
    { config: { policy: scoped('case.write', 'caseworker') }, schema: { tags, summary: 'Void a wrongly recorded event (it stays in the history)', params: S.EventParams, body: S.VoidBody, response: { 200: S.CaseBody, ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, async (ctx) => {
        await voidEvent(ctx, c, request.params.eventId, request.body);
        return loadCase(ctx, c.id, c.access);
      });
    },
  );

  app.post(
    '/api/cases/:caseId/reassign',
    {
      config: { policy: scoped('case.reassign', 'team_leader') },
      schema: { tags, summary: 'Move the case to another caseworker, with the reason', params: S.CaseParams, body: S.ReassignBody, response: { 200: Type.Object({ case: S.CaseBody, over_cap: Type.Boolean() }), ...errorResponses } },
    },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, async (ctx) => {
        const { overCap } = await reassign(ctx, c, request.body);
        return { case: await loadCase(ctx, c.id, c.access), over_cap: overCap };
      });
    },
  );

  app.get(
    '/api/cases/:caseId/timeline',
    { config: { policy: scoped('case.read', ...CASE_STAFF, 'citizen') }, schema: { tags, summary: 'Everything that happened on the case, newest first', params: S.CaseParams, querystring: S.TimelineQuery, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(S.TimelineItem) }), ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      const types = request.query.types?.split(',').map((t) => t.trim()).filter((t) => t !== '');
      return inTransaction(services, request, (ctx) => timeline(ctx, c, { types, limit: request.query.limit ?? 100, offset: request.query.offset ?? 0 }));
    },
  );

  app.get(
    '/api/cases/:caseId/contact-persons',
    { config: { policy: scoped('case.read', ...CASE_STAFF, 'citizen') }, schema: { tags, summary: 'The staff involved in the case', params: S.CaseParams, response: { 200: Type.Array(Type.Object({ id: S.Uuid, name: Type.String(), roles: Type.Array(Type.String()) })), ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, (ctx) => contactPersons(ctx, c));
    },
  );

  app.post(
    '/api/cases/:caseId/break-glass',
    { config: { policy: scoped('case.break_glass', ...CASE_STAFF) }, schema: { tags, summary: 'Open a case outside your scope for reading, with a written reason (logged, shown to the team leader)', params: S.CaseParams, body: S.BreakGlassBody, response: { 201: Type.Object({ expires_at: Type.String() }), ...errorResponses } } },
    async (request, reply) => {
      const c = scopedCase(request);
      const result = await inTransaction(services, request, (ctx) => breakGlass(ctx, c, request.body.reason));
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/cases/:caseId/reveal-cpr',
    { config: { policy: scoped('case.read', ...CASE_STAFF) }, schema: { tags, summary: 'Show the whole CPR number, for a stated purpose (logged)', params: S.CaseParams, body: S.PurposeBody, response: { 200: Type.Object({ cpr: Type.String() }), 404: ErrorBody } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, async (ctx) => ({ cpr: await revealCpr(ctx, c, request.body.purpose) }));
    },
  );
};
