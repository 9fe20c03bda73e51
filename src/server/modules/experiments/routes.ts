import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import { danishDate } from '../../context.js';
import { Tenant } from '../../db/tenant.js';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles, scoped } from '../../plugins/policy.js';
import { CODEBOOK } from './codebook.js';
import { reportPdf } from './report-document.js';
import { reportCsv, reportHtml } from './report-files.js';
import * as S from './schema.js';
import * as experiments from './service.js';

const DESIGNERS = ['analyst', 'municipality_admin'] as const;
const ENROLLERS = ['caseworker', 'team_leader'] as const;
const READERS = ['analyst', 'municipality_admin', 'team_leader'] as const;
const EVERYONE_STAFF = ['analyst', 'municipality_admin', 'team_leader', 'caseworker', 'company_consultant'] as const;
const MAX_IMPORT = 64 * 1024 * 1024;

const fileName = (name: string, ext: string): string =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9æøå]+/g, '-')
      .replace(/^-|-$/g, '') || 'forsoeg'
  }.${ext}`;
/** A 200 answer that is a file of this media type, sent as a string, a buffer or a stream. */
const file = <T extends TSchema>(mediaType: string, description: string, schema: T) => ({
  description,
  content: { [mediaType]: { schema } },
});
const Text = Type.String();
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const Streamed = Type.Unsafe<Readable>({ type: 'string' });

export const experimentRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['experiments'];
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_IMPORT }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/experiments',
    {
      config: { policy: roles(...EVERYONE_STAFF) },
      schema: {
        operationId: 'listExperiments',
        tags,
        summary: 'Experiments of the municipality, newest first',
        response: { 200: Type.Array(S.ExperimentSummary), ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => experiments.listExperiments(ctx)),
  );

  app.post(
    '/api/experiments',
    {
      config: { policy: roles(...DESIGNERS) },
      schema: {
        operationId: 'createExperiment',
        tags,
        summary: 'Design a new experiment (a draft until enrolment starts)',
        body: S.Design,
        response: { 201: S.ExperimentBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = await inTransaction(services, request, async (ctx) =>
        experiments.getExperiment(ctx, await experiments.createExperiment(ctx, request.body)),
      );
      return reply.status(201).send(body);
    },
  );

  app.get(
    '/api/experiments/:experimentId',
    {
      config: { policy: scoped('experiment', ...EVERYONE_STAFF) },
      schema: {
        operationId: 'getExperiment',
        tags,
        summary: 'An experiment and its design',
        params: S.ExperimentParams,
        response: { 200: S.ExperimentBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) => experiments.getExperiment(ctx, request.params.experimentId)),
  );

  app.put(
    '/api/experiments/:experimentId',
    {
      config: { policy: scoped('experiment', ...DESIGNERS) },
      schema: {
        operationId: 'updateExperimentDesign',
        tags,
        summary: 'Change a draft design',
        params: S.ExperimentParams,
        body: S.DesignUpdate,
        response: { 200: S.ExperimentBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) => {
        const { version, ...design } = request.body;
        return experiments.updateDesign(ctx, request.params.experimentId, design, version);
      }),
  );

  app.post(
    '/api/experiments/:experimentId/start-enrolment',
    {
      config: { policy: scoped('experiment', ...DESIGNERS) },
      schema: {
        operationId: 'startEnrolment',
        tags,
        summary: 'Lock the design (pre-registration) and start enrolment',
        params: S.ExperimentParams,
        body: S.VersionBody,
        response: { 200: S.ExperimentBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) =>
        experiments.startEnrolment(ctx, request.params.experimentId, request.body.version),
      ),
  );

  app.post(
    '/api/experiments/:experimentId/close',
    {
      config: { policy: scoped('experiment', ...DESIGNERS) },
      schema: {
        operationId: 'closeEnrolment',
        tags,
        summary: 'Stop enrolment (follow-up goes on)',
        params: S.ExperimentParams,
        body: S.VersionBody,
        response: { 200: S.ExperimentBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) =>
        experiments.closeEnrolment(ctx, request.params.experimentId, request.body.version),
      ),
  );

  app.get(
    '/api/experiments/:experimentId/eligible',
    {
      config: { policy: scoped('experiment', ...ENROLLERS) },
      schema: {
        operationId: 'listEligibleCitizens',
        tags,
        summary: 'Citizens in your cases who meet the eligibility and are not enrolled',
        params: S.ExperimentParams,
        querystring: S.ListQuery,
        response: { 200: S.EligiblePage, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) =>
        experiments.eligibleCitizens(ctx, request.params.experimentId, request.query),
      ),
  );

  app.post(
    '/api/experiments/:experimentId/enrolments',
    {
      config: { policy: scoped('experiment', ...ENROLLERS) },
      schema: {
        operationId: 'enrolCitizen',
        tags,
        summary: 'Enrol a citizen: the arm is drawn now (concealed allocation)',
        params: S.ExperimentParams,
        body: S.EnrolBody,
        response: { 201: S.Enrolment, ...errorResponses },
      },
    },
    async (request, reply) => {
      const enrolment = await inTransaction(services, request, (ctx) =>
        experiments.enrol(ctx, request.params.experimentId, request.body.case_id, request.body.consent),
      );
      return reply.status(201).send(enrolment);
    },
  );

  app.get(
    '/api/experiments/:experimentId/enrolments',
    {
      config: { policy: scoped('experiment', ...EVERYONE_STAFF) },
      schema: {
        operationId: 'listEnrolments',
        tags,
        summary:
          'Enrolled citizens with arm and follow-up (names and ids for case staff; pseudonyms and stand-in ids for the rest)',
        params: S.ExperimentParams,
        querystring: S.ListQuery,
        response: { 200: S.EnrolmentPage, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) =>
        experiments.listEnrolments(ctx, request.params.experimentId, request.query),
      ),
  );

  app.post(
    '/api/experiments/:experimentId/enrolments/:citizenId/end',
    {
      config: { policy: scoped('experiment', ...ENROLLERS) },
      schema: {
        operationId: 'endFollowUp',
        tags,
        summary: 'End follow-up early (moved, died, withdrew)',
        params: S.EnrolmentParams,
        body: S.EndBody,
        response: { 200: S.Enrolment, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) =>
        experiments.endFollowUp(
          ctx,
          request.params.experimentId,
          request.params.citizenId,
          request.body.ended_on,
          request.body.reason,
        ),
      ),
  );

  app.post(
    '/api/experiments/:experimentId/weekly-import',
    {
      config: { policy: scoped('experiment', ...DESIGNERS) },
      schema: {
        operationId: 'importWeeklyStatuses',
        tags,
        summary:
          'Import weekly statuses from register data (CSV citizen_id,week,status with pseudonyms; all or nothing)',
        params: S.ExperimentParams,
        body: Type.String({ maxLength: MAX_IMPORT }),
        response: { 200: S.Imported, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) => ({
        imported: await experiments.importWeekly(ctx, request.params.experimentId, request.body),
      })),
  );

  app.get(
    '/api/experiments/:experimentId/report',
    {
      config: { policy: scoped('experiment', ...READERS) },
      schema: {
        operationId: 'getExperimentReport',
        tags,
        summary: 'Flow, balance, outcomes with intervals and curves by arm',
        params: S.ExperimentParams,
        querystring: S.ReportQuery,
        response: { 200: S.ReportBody, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) =>
        experiments.reportResponse(ctx, request.params.experimentId, request.query),
      ),
  );

  app.get(
    '/api/experiments/:experimentId/report.csv',
    {
      config: { policy: scoped('experiment', ...READERS) },
      schema: {
        operationId: 'downloadReportCsv',
        tags,
        summary: 'The outcome table as CSV',
        params: S.ExperimentParams,
        querystring: S.ReportQuery,
        response: { 200: file('text/csv', 'the outcome table', Text), ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await inTransaction(services, request, (ctx) =>
        experiments.experimentReport(ctx, request.params.experimentId, request.query),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(r.meta.name, 'csv')}"`)
        .send(reportCsv(r.rows));
    },
  );

  app.get(
    '/api/experiments/:experimentId/report.html',
    {
      config: { policy: scoped('experiment', ...READERS) },
      schema: {
        operationId: 'downloadReportHtml',
        tags,
        summary: 'The report as a self-contained HTML page',
        params: S.ExperimentParams,
        querystring: S.ReportQuery,
        response: { 200: file('text/html', 'the report', Text), ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await inTransaction(services, request, (ctx) =>
        experiments.experimentReport(ctx, request.params.experimentId, request.query),
      );
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(r.meta.name, 'html')}"`)
        .send(reportHtml(r.meta, r.report, r.rows));
    },
  );

  app.get(
    '/api/experiments/:experimentId/report.pdf',
    {
      config: { policy: scoped('experiment', ...READERS) },
      schema: {
        operationId: 'downloadReportPdf',
        tags,
        summary: 'The report as PDF',
        params: S.ExperimentParams,
        querystring: S.ReportQuery,
        response: { 200: file('application/pdf', 'the report', Binary), ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await inTransaction(services, request, (ctx) =>
        experiments.experimentReport(ctx, request.params.experimentId, request.query),
      );
      const pdf = await reportPdf(r.meta, r.report, r.rows);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(r.meta.name, 'pdf')}"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/experiments/:experimentId/dataset.csv',
    {
      config: { policy: scoped('experiment', ...READERS) },
      schema: {
        operationId: 'exportDataset',
        tags,
        summary: 'Pseudonymised analysis data set: one row per citizen and observed week (streamed)',
        params: S.ExperimentParams,
        response: { 200: file('text/csv', 'the data set (see the codebook)', Streamed), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { x, municipalityId } = await inTransaction(services, request, async (ctx) => ({
        x: await experiments.exportDataset(ctx, request.params.experimentId),
        municipalityId: ctx.db.municipalityId,
      }));
      // Streamed after the transaction that audited the export, page by page on the connection pool.
      const lines = experiments.datasetLines(
        new Tenant(services.db.kysely, municipalityId),
        x,
        danishDate(services.clock()),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="dataset.csv"')
        .send(Readable.from(lines));
    },
  );

  app.get(
    '/api/experiments/:experimentId/codebook',
    {
      config: { policy: scoped('experiment', ...READERS) },
      schema: {
        operationId: 'getDatasetCodebook',
        tags,
        summary: 'Codebook of the analysis data set (Markdown)',
        params: S.ExperimentParams,
        response: { 200: file('text/markdown', 'the codebook', Text), ...errorResponses },
      },
    },
    async (request, reply) => {
      const x = await inTransaction(services, request, (ctx) =>
        experiments.getExperiment(ctx, request.params.experimentId),
      );
      return reply.type('text/markdown; charset=utf-8').send(CODEBOOK(x.design));
    },
  );
};
