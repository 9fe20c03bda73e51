import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles, scoped } from '../../plugins/policy.js';
import { Grants, TeamBody, TeamCaseloads, TeamParams, TeamPatch, Teams } from './schema.js';
import * as teams from './service.js';

export const teamRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['teams'];

  app.get(
    '/api/teams',
    {
      config: { policy: roles('caseworker', 'company_consultant', 'team_leader', 'municipality_admin') },
      schema: {
        operationId: 'listTeams',
        tags,
        summary: 'Your teams (all teams for a municipality admin)',
        response: { 200: Teams, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => teams.listTeams(ctx)),
  );

  app.patch(
    '/api/teams/:teamId',
    {
      config: { policy: scoped('team.manage', 'team_leader', 'municipality_admin') },
      schema: {
        operationId: 'updateTeam',
        tags,
        summary: "Change a team's name or caseload cap",
        params: TeamParams,
        body: TeamPatch,
        response: { 200: TeamBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) => teams.updateTeam(ctx, request.params.teamId, request.body)),
  );

  app.get(
    '/api/teams/:teamId/caseloads',
    {
      config: { policy: scoped('team.read', 'caseworker', 'company_consultant', 'team_leader', 'municipality_admin') },
      schema: {
        operationId: 'teamCaseloads',
        tags,
        summary: 'Open cases per team member against the cap',
        params: TeamParams,
        response: { 200: TeamCaseloads, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => teams.teamCaseloads(ctx, request.params.teamId)),
  );

  app.get(
    '/api/teams/:teamId/break-glass',
    {
      config: { policy: scoped('team.manage', 'team_leader', 'municipality_admin') },
      schema: {
        operationId: 'teamBreakGlassGrants',
        tags,
        summary: 'Cases of the team opened by breaking the glass, newest first',
        params: TeamParams,
        response: { 200: Grants, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => teams.breakGlassGrants(ctx, request.params.teamId)),
  );
};
