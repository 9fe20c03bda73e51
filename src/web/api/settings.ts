// Which dated rule sets judge the municipality's deadlines (its administrator's page).
import type { RuleSettings, RuleSettingsUpdate } from '../../server/modules/settings/schema.js';
import type { ApiClient } from './client.js';

export type { RuleSettings, RuleSettingsUpdate } from '../../server/modules/settings/schema.js';
export type RuleSetSummary = RuleSettings['available'][number];

export function fetchRuleSettings(api: ApiClient): Promise<RuleSettings> {
  return api.request('GET', '/api/settings/rule-sets');
}

export function chooseRuleSets(api: ApiClient, body: RuleSettingsUpdate): Promise<RuleSettings> {
  return api.request('PUT', '/api/settings/rule-sets', { body });
}
