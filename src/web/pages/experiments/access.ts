// Which roles reach which part of an experiment. The server decides for real; this only
// spares users buttons and pages whose every request would be refused.
import type { Role } from '../../roles.js';

export const EXPERIMENT_STAFF: readonly Role[] = [
  'analyst',
  'municipality_admin',
  'team_leader',
  'caseworker',
  'company_consultant',
];
/** Design, lock, close and import weekly register data. */
export const DESIGNERS: readonly Role[] = ['analyst', 'municipality_admin'];
/** Enrol citizens and end their follow-up. */
export const ENROLLERS: readonly Role[] = ['caseworker', 'team_leader'];
export const REPORT_READERS: readonly Role[] = ['analyst', 'municipality_admin', 'team_leader'];
