import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles, scoped } from '../../plugins/policy.js';
import { breakGlass, withCase } from '../access/service.js';
import {
  closeCase,
  reassign,
  recordEvent,
  reopenCase,
  setTrack,
  setVisitation,
  updateContact,
  voidEvent,
} from './changes.js';
import { readCase, readMyCase, revealCpr, searchCases } from './reading.js';
import { findCaseByCpr, findCitizenByCpr, registerCitizen } from './registration.js';
import * as S from './schema.js';
import { contactPersons, timeline } from './timeline.js';

// Each route about one case decides access on the case row inside its transaction
// (withCase), after the early check of its declared scope; the use case works from that row.

const CASE_STAFF = ['caseworker', 'company_consultant', 'team_leader'] as const;
const tags = ['cases'];

export const caseRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  app.post(
    '/api/cases',
    {
      config: { policy: roles('caseworker', 'team_leader') },
      schema: {
        operationId: 'registerCitizen',
        tags,
        summary: 'Register a citizen and open their case',
        body: S.RegisterBody,
        response: { 201: S.CaseBody, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inTransaction(services, request, (ctx) => registerCitizen(ctx, request.body))),
  );

  app.get(
    '/api/cases',
    {
      config: { policy: roles(...CASE_STAFF) },
      schema: {
        operationId: 'searchCases',
        tags,
        summary: 'Search the cases you may see',
        querystring: S.SearchQuery,
        response: { 200: S.CasePage, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => searchCases(ctx, request.query)),
  );

  app.post(
    '/api/cases/find-by-cpr',
    {
      config: { policy: roles(...CASE_STAFF) },
      schema: {
        operationId: 'findCaseByCpr',
        tags,
        summary: 'Find a case by whole CPR number (in the body, never the URL)',
        body: S.CprSearchBody,
        response: { 200: S.CprMatch, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => findCaseByCpr(ctx, request.body.cpr)),
  );

  app.post(
    '/api/citizens/find-by-cpr',
    {
      config: { policy: roles('municipality_admin') },
      schema: {
        operationId: 'findCitizenByCpr',
        tags,
        summary: "Find a citizen by whole CPR number (in the body, never the URL), for the citizen's access log",
        body: S.CprSearchBody,
        response: { 200: S.CitizenMatch, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => findCitizenByCpr(ctx, request.body.cpr)),
  );

  app.get(
    '/api/me/case',
    {
      config: { policy: roles('citizen') },
      schema: {
        operationId: 'getMyCase',
        tags,
        summary: 'My own case, read-only: the open one, else the one closed last',
        response: { 200: S.CaseBody, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => readMyCase(ctx)),
  );

  app.get(
    '/api/cases/:caseId',
    {
      config: { policy: scoped('case.read', ...CASE_STAFF, 'citizen') },
      schema: {
        operationId: 'getCase',
        tags,
        summary: 'One case with its citizen and deadlines',
        params: S.CaseParams,
        response: { 200: S.CaseBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        readCase(ctx, await withCase(ctx, request.params.caseId, 'read')),
      ),
  );

  app.put(
    '/api/cases/:caseId/visitation',
    {
      config: { policy: scoped('case.write', 'caseworker') },
      schema: {
        operationId: 'recordVisitation',
        tags,
        summary: 'Record the visitation and, for an activity-ready citizen, the track, with one reason',
        params: S.CaseParams,
        body: S.VisitationBody,
        response: { 200: S.CaseBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        setVisitation(ctx, await withCase(ctx, request.params.caseId, 'write'), request.body),
      ),
  );

  app.put(
    '/api/cases/:caseId/track',
    {
      config: { policy: scoped('case.write', 'caseworker') },
      schema: {
        operationId: 'placeInTrack',
        tags,
        summary: 'Change the track alone of a citizen already visited as activity-ready, with the reason',
        params: S.CaseParams,
        body: S.TrackBody,
        response: { 200: S.CaseBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        setTrack(ctx, await withCase(ctx, request.params.caseId, 'write'), request.body),
      ),
  );

  app.patch(
    '/api/cases/:caseId/citizen',
    {
      config: { policy: scoped('case.write', 'caseworker') },
      schema: {
        operationId: 'updateCitizenContact',
        tags,
        summary: "Change the citizen's contact details",
        params: S.CaseParams,
        body: S.ContactBody,
        response: { 200: S.CaseBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        updateContact(ctx, await withCase(ctx, request.params.caseId, 'write'), request.body),
      ),
  );

  app.post(
    '/api/cases/:caseId/events',
    {
      config: { policy: scoped('case.write', 'caseworker') },
      schema: {
        operationId: 'recordCaseEvent',
        tags,
        summary: 'Record what happened: a conversation, an activity, a contact',
        params: S.CaseParams,
        body: S.EventBody,
        response: { 201: S.CaseBody, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(services, request, async (ctx) =>
            recordEvent(ctx, await withCase(ctx, request.params.caseId, 'write'), request.body),
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/events/:eventId/void',
    {
      config: { policy: scoped('case.write', 'caseworker') },
      schema: {
        operationId: 'voidCaseEvent',
        tags,
        summary: 'Void a wrongly recorded event (it stays in the history)',
        params: S.EventParams,
        body: S.VoidBody,
        response: { 200: S.CaseBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        voidEvent(ctx, await withCase(ctx, request.params.caseId, 'write'), request.params.eventId, request.body),
      ),
  );

  app.post(
    '/api/cases/:caseId/reassign',
    {
      config: { policy: scoped('case.reassign', 'team_leader') },
      schema: {
        operationId: 'reassignCase',
        tags,
        summary: 'Move the case to another caseworker, with the reason',
        params: S.CaseParams,
        body: S.ReassignBody,
        response: { 200: S.Reassigned, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        reassign(ctx, await withCase(ctx, request.params.caseId, 'reassign'), request.body),
      ),
  );

  app.post(
    '/api/cases/:caseId/close',
    {
      config: { policy: scoped('case.close', 'caseworker', 'team_leader') },
      schema: {
        operationId: 'closeCase',
        tags,
        summary: 'Close the case, with why and the day it ended',
        params: S.CaseParams,
        body: S.CloseBody,
        response: { 200: S.CaseBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        closeCase(ctx, await withCase(ctx, request.params.caseId, 'close'), request.body),
      ),
  );

  app.post(
    '/api/cases/:caseId/reopen',
    {
      config: { policy: scoped('case.close', 'caseworker', 'team_leader') },
      schema: {
        operationId: 'reopenCase',
        tags,
        summary: 'Reopen a closed case, with the reason',
        params: S.CaseParams,
        body: S.ReopenBody,
        response: { 200: S.CaseBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        reopenCase(ctx, await withCase(ctx, request.params.caseId, 'close'), request.body),
      ),
  );

  app.get(
    '/api/cases/:caseId/timeline',
    {
      config: { policy: scoped('case.read', ...CASE_STAFF, 'citizen') },
      schema: {
        operationId: 'caseTimeline',
        tags,
        summary: 'Everything that happened on the case, newest first',
        params: S.CaseParams,
        querystring: S.TimelineQuery,
        response: { 200: S.TimelinePage, ...errorResponses },
      },
    },
    async (request) => {
      const { types, limit, offset } = request.query;
      const wanted = types
        ?.split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '');
      return inTransaction(services, request, async (ctx) =>
        timeline(ctx, await withCase(ctx, request.params.caseId, 'read'), {
          types: wanted,
          limit: limit ?? 100,
          offset: offset ?? 0,
        }),
      );
    },
  );

  app.get(
    '/api/cases/:caseId/contact-persons',
    {
      config: { policy: scoped('case.read', ...CASE_STAFF, 'citizen') },
      schema: {
        operationId: 'caseContactPersons',
        tags,
        summary: 'The staff involved in the case',
        params: S.CaseParams,
        response: { 200: Type.Array(S.ContactPerson), ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        contactPersons(ctx, await withCase(ctx, request.params.caseId, 'read')),
      ),
  );

  app.post(
    '/api/cases/:caseId/break-glass',
    {
      config: { policy: scoped('case.break_glass', ...CASE_STAFF) },
      schema: {
        operationId: 'breakGlass',
        tags,
        summary: 'Open a case outside your scope for reading, with a written reason (logged, shown to the team leader)',
        params: S.CaseParams,
        body: S.BreakGlassBody,
        response: { 201: S.BreakGlassGrant, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(services, request, async (ctx) =>
            breakGlass(ctx, await withCase(ctx, request.params.caseId, 'break_glass'), request.body.reason),
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/reveal-cpr',
    {
      config: { policy: scoped('case.read', ...CASE_STAFF) },
      schema: {
        operationId: 'revealCpr',
        tags,
        summary: 'Show the whole CPR number, for a stated purpose (logged)',
        params: S.CaseParams,
        body: S.PurposeBody,
        response: { 200: S.RevealedCpr, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        revealCpr(ctx, await withCase(ctx, request.params.caseId, 'read'), request.body.purpose),
      ),
  );
};
