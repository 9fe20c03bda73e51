import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { danishDate } from '../../context.js';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles } from '../../plugins/policy.js';
import { RuleSettings, RuleSettingsUpdate } from './schema.js';
import * as settings from './service.js';

export const settingsRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['settings'];

  app.get(
    '/api/settings/rule-sets',
    {
      config: { policy: roles('municipality_admin') },
      schema: {
        operationId: 'getRuleSettings',
        tags,
        summary: "The rule sets that judge the municipality's deadlines",
        response: { 200: RuleSettings, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => settings.ruleSettings(ctx)),
  );

  app.put(
    '/api/settings/rule-sets',
    {
      config: { policy: roles('municipality_admin') },
      schema: {
        operationId: 'chooseRuleSets',
        tags,
        summary: 'Choose rule sets and add local ones; every open case is re-evaluated',
        body: RuleSettingsUpdate,
        response: { 200: RuleSettings, ...errorResponses },
      },
    },
    async (request) => {
      const result = await inTransaction(services, request, (ctx) => settings.chooseRuleSets(ctx, request.body));
      // After the answer, so the admin does not wait for every case.
      settings
        .reevaluateDeadlines(services.db.kysely, danishDate(services.clock()))
        .catch((error: unknown) => request.log.error({ err: error }, 'deadline refresh after a rule change failed'));
      return result;
    },
  );
};
