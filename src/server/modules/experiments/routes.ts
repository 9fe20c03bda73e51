import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import { formatCsvRow } from '../../../core/csv/index.js';
import { danishDate } from '../../context.js';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles, scoped } from '../../plugins/policy.js';
import { recordAudit, recordAudits } from '../audit/service.js';
import { loadActorScope } from '../cases/scope.js';
import { closeEnrolment, createExperiment, getExperiment, listExperiments, startEnrolment, updateDesign } from './design.js';
import { CODEBOOK } from './codebook.js';
import { endFollowUp, eligibleCitizens, enrol, listEnrolments } from './enrolment.js';
import { nextPseudonyms, weeklyRows } from './panel.js';
import { reportCsv, reportHtml, reportPdf } from './report-files.js';
import { experimentReport } from './report-service.js';
import * as S from './schema.js';
import { importWeekly } from './weekly-import.js';

const DESIGNERS = ['analyst', 'municipality_admin'] as const;
const ENROLLERS = ['caseworker', 'team_leader'] as const;
const READERS = ['analyst', 'municipality_admin', 'team_leader'] as const;
const EVERYONE_STAFF = ['analyst', 'municipality_admin', 'team_leader', 'caseworker', 'company_consultant'] as const;
const Page = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })), offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })) });

const fileName = (name: string, ext: string): string => `${name.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-').replace(/^-|-$/g, '') || 'forsoeg'}.${ext}`;

export const experimentRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['experiments'];
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get('/api/experiments', { config: { policy: roles(...EVERYONE_STAFF) }, schema: { tags, summary: 'Experiments of the municipality, newest first', response: { 200: Type.Array(S.ExperimentSummary), ...errorResponses } } }, async (request) =>
    inTransaction(services, request, (ctx) => listExperiments(ctx)),
  );

  app.post('/api/experiments', { config: { policy: roles(...DESIGNERS) }, schema: { tags, summary: 'Design a new experiment (a draft until enrolment starts)', body: S.Design, response: { 201: S.ExperimentBody, ...errorResponses } } }, async (request, reply) => {
    const body = await inTransaction(services, request, async (ctx) => getExperiment(ctx, await createExperiment(ctx, request.body)));
    return reply.status(201).send(body);
  });

  app.get('/api/experiments/:experimentId', { config: { policy: scoped('experiment', ...EVERYONE_STAFF) }, schema: { tags, summary: 'An experiment and its design', params: S.ExperimentParams, response: { 200: S.ExperimentBody, ...errorResponses } } }, async (request) =>
    inTransaction(services, request, (ctx) => getExperiment(ctx, request.params.experimentId)),
  );

  app.put('/api/experiments/:experimentId', { config: { policy: scoped('experiment', ...DESIGNERS) }, schema: { tags, summary: 'Change a draft design', params: S.ExperimentParams, body: S.DesignUpdate, response: { 200: S.ExperimentBody, ...errorResponses } } }, async (request) =>
    inTransaction(services, request, async (ctx) => {
      const { version, ...design } = request.body;
      await updateDesign(ctx, request.params.experimentId, design, version);
      return getExperiment(ctx, request.params.experimentId);
    }),
  );

  app.post('/api/experiments/:experimentId/start-enrolment', { config: { policy: scoped('experiment', ...DESIGNERS) }, schema: { tags, summary: 'Lock the design (pre-registration) and start enrolment', params: S.ExperimentParams, body: S.VersionBody, response: { 200: S.ExperimentBody, ...errorResponses } } }, async (request) =>
    inTransaction(services, request, async (ctx) => {
      await startEnrolment(ctx, request.params.experimentId, request.body.version);
      return getExperiment(ctx, request.params.experimentId);
    }),
  );

  app.post('/api/experiments/:experimentId/close', { config: { policy: scoped('experiment', ...DESIGNERS) }, schema: { tags, summary: 'Stop enrolment (follow-up goes on)', params: S.ExperimentParams, body: S.VersionBody, response: { 200: S.ExperimentBody, ...errorResponses } } }, async (request) =>
    inTransaction(services, request, async (ctx) => {
      await closeEnrolment(ctx, request.params.experimentId, request.body.version);
      return getExperiment(ctx, request.params.experimentId);
    }),
  );

  app.get('/api/experiments/:experimentId/eligible', { config: { policy: scoped('experiment', ...ENROLLERS) }, schema: { tags, summary: 'Citizens in your cases who meet the eligibility and are not enrolled', params: S.ExperimentParams, querystring: Page, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(S.EligibleCitizen) }), ...errorResponses } } }, async (request) =>
    inTransaction(services, request, async (ctx) => {
      const result = await eligibleCitizens(ctx, await loadActorScope(ctx.db, ctx.actor, ctx.now), request.params.experimentId, request.query.limit ?? 100, request.query.offset ?? 0);
      await recordAudits(ctx.db, result.items.map((e) => ({ actor: ctx.actor, citizenId: e.citizen_id, action: 'read' as const, entity: 'experiment_eligible', entityId: request.params.experimentId, purpose: 'experiment', requestId: ctx.requestId })), ctx.now);
      return result;
    }),
  );

  app.post('/api/experiments/:experimentId/enrolments', { config: { policy: scoped('experiment', ...ENROLLERS) }, schema: { tags, summary: 'Enrol a citizen: the arm is drawn now (concealed allocation)', params: S.ExperimentParams, body: S.EnrolBody, response: { 201: S.Enrolment, ...errorResponses } } }, async (request, reply) => {
    const enrolment = await inTransaction(services, request, async (ctx) => {
      const citizenId = await enrol(ctx, await loadActorScope(ctx.db, ctx.actor, ctx.now), request.params.experimentId, request.body.case_id, request.body.consent);
      const listed = await listEnrolments(ctx, request.params.experimentId, { limit: 1, offset: 0, names: true, citizenId });
      const row = listed.items[0];
      if (row === undefined) throw new Error('enrolment vanished inside its own transaction');
      return row;
    });
    return reply.status(201).send(enrolment);
  });

  app.get('/api/experiments/:experimentId/enrolments', { config: { policy: scoped('experiment', ...EVERYONE_STAFF) }, schema: { tags, summary: 'Enrolled citizens with arm and follow-up (names for case staff, pseudonyms for the rest)', params: S.ExperimentParams, querystring: Page, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(S.Enrolment) }), ...errorResponses } } }, async (request) =>
    inTransaction(services, request, async (ctx) => {
      const names = ctx.actor.roles.some((r) => r === 'caseworker' || r === 'team_leader' || r === 'company_consultant');
      const result = await listEnrolments(ctx, request.params.experimentId, { limit: request.query.limit ?? 100, offset: request.query.offset ?? 0, names });
      if (names) {
        await recordAudits(ctx.db, result.items.map((e) => ({ actor: ctx.actor, citizenId: e.citizen_id, action: 'read' as const, entity: 'enrolment', entityId: request.params.experimentId, purpose: 'experiment', requestId: ctx.requestId })), ctx.now);
      }
      return result;
    }),
  );

  app.post('/api/experiments/:experimentId/enrolments/:citizenId/end', { config: { policy: scoped('experiment', ...ENROLLERS) }, schema: { tags, summary: 'End follow-up early (moved, died, withdrew)', params: S.EnrolmentParams, body: S.EndBody, response: { 200: S.Enrolment, ...errorResponses } } }, async (request) =>
    inTransaction(services, request, async (ctx) => {
      await endFollowUp(ctx, request.params.experimentId, request.params.citizenId, request.body.ended_on, request.body.reason);
      const listed = await listEnrolments(ctx, request.params.experimentId, { limit: 1, offset: 0, names: true, citizenId: request.params.citizenId });
      const row = listed.items[0];
      if (row === undefined) throw new Error('enrolment vanished inside its own transaction');
      return row;
    }),
  );

  app.post('/api/experiments/:experimentId/weekly-import', { config: { policy: scoped('experiment', ...DESIGNERS) }, schema: { tags, summary: 'Import weekly statuses from register data (CSV citizen_id,week,status with pseudonyms; all or nothing)', params: S.ExperimentParams, body: Type.String({ maxLength: 64 * 1024 * 1024 }), response: { 200: Type.Object({ imported: Type.Integer() }), ...errorResponses } } }, async (request) =>
    inTransaction(services, request, async (ctx) => {
      const x = await getExperiment(ctx, request.params.experimentId);
      return { imported: await importWeekly(ctx, request.params.experimentId, x.design.follow_up_weeks, request.body) };
    }),
  );

  app.get('/api/experiments/:experimentId/report', { config: { policy: scoped('experiment', ...READERS) }, schema: { tags, summary: 'Flow, balance, outcomes with intervals and curves by arm', params: S.ExperimentParams, querystring: S.ReportQuery, response: { 200: S.ReportBody, ...errorResponses } } }, async (request) =>
    inTransaction(services, request, async (ctx) => {
      const { meta, report } = await experimentReport(ctx, request.params.experimentId, request.query);
      const x = await getExperiment(ctx, request.params.experimentId);
      return {
        experiment: { id: x.id, name: meta.name, question: meta.question, design_version: x.design_version, design_hash: x.design_hash, locked_at: x.locked_at, primary_outcome: x.design.primary_outcome },
        as_of: meta.asOf,
        treatment: meta.treatment,
        control: meta.control,
        ...report,
      };
    }),
  );

  app.get('/api/experiments/:experimentId/report.csv', { config: { policy: scoped('experiment', ...READERS) }, schema: { tags, summary: 'The outcome table as CSV', params: S.ExperimentParams, querystring: S.ReportQuery } }, async (request, reply) => {
    const { meta, rows } = await inTransaction(services, request, (ctx) => experimentReport(ctx, request.params.experimentId, request.query));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName(meta.name, 'csv')}"`).send(reportCsv(rows));
  });

  app.get('/api/experiments/:experimentId/report.html', { config: { policy: scoped('experiment', ...READERS) }, schema: { tags, summary: 'The report as a self-contained HTML page', params: S.ExperimentParams, querystring: S.ReportQuery } }, async (request, reply) => {
    const r = await inTransaction(services, request, (ctx) => experimentReport(ctx, request.params.experimentId, request.query));
    return reply.type('text/html; charset=utf-8').header('content-disposition', `attachment; filename="${fileName(r.meta.name, 'html')}"`).send(reportHtml(r.meta, r.report, r.rows));
  });

  app.get('/api/experiments/:experimentId/report.pdf', { config: { policy: scoped('experiment', ...READERS) }, schema: { tags, summary: 'The report as PDF', params: S.ExperimentParams, querystring: S.ReportQuery } }, async (request, reply) => {
    const r = await inTransaction(services, request, (ctx) => experimentReport(ctx, request.params.experimentId, request.query));
    const pdf = await reportPdf(r.meta, r.report, r.rows);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName(r.meta.name, 'pdf')}"`).send(pdf);
  });

  app.get('/api/experiments/:experimentId/dataset.csv', { config: { policy: scoped('experiment', ...READERS) }, schema: { tags, summary: 'Pseudonymised analysis data set: one row per citizen and observed week (streamed)', params: S.ExperimentParams } }, async (request, reply) => {
    const x = await inTransaction(services, request, async (ctx) => {
      const found = await getExperiment(ctx, request.params.experimentId);
      await recordAudit(ctx.db, { actor: ctx.actor, citizenId: null, action: 'export', entity: 'experiment_dataset', entityId: found.id, purpose: 'evaluation', requestId: ctx.requestId }, ctx.now);
      return found;
    });
    const m = request.actor?.municipalityId ?? '';
    const today = danishDate(services.clock());
    const db = services.db.kysely;
    // Pages of citizens, each read on its own: an export of a million citizens never sits in memory.
    async function* lines(): AsyncGenerator<string> {
      yield 'citizen_id,arm,stratum,age,years_on_benefit,week,status\n';
      for (let page = await nextPseudonyms(db, m, x.id, '', 2000); page !== null; page = await nextPseudonyms(db, m, x.id, page.until, 2000)) {
        const rows = await weeklyRows(db, m, x.id, x.design.follow_up_weeks, today, page);
        yield rows.map((r) => `${formatCsvRow([r.pseudonym, r.arm, r.stratum, String(r.age), String(r.benefit_years), String(r.week), r.status])}\n`).join('');
      }
    }
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="dataset.csv"').send(Readable.from(lines()));
  });

  app.get('/api/experiments/:experimentId/codebook', { config: { policy: scoped('experiment', ...READERS) }, schema: { tags, summary: 'Codebook of the analysis data set (Markdown)', params: S.ExperimentParams } }, async (request, reply) => {
    const x = await inTransaction(services, request, (ctx) => getExperiment(ctx, request.params.experimentId));
    return reply.type('text/markdown; charset=utf-8').send(CODEBOOK(x.design));
  });
};
