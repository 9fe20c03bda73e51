import type { Actor } from './actor.js';

// Who may do what with a case, decided from facts about the actor and the case. Pure, so
// the same rules serve one case (this function) and lists (the SQL filter built from the
// same ActorScope in the cases module), and are tested without a database.

export interface ActorScope {
  actor: Actor;
  /** Teams the actor is a member of (caseworkers, company consultants). */
  memberOf: readonly string[];
  /** Teams the actor leads. */
  leads: readonly string[];
  /** Cases opened by breaking the glass, still valid. */
  grantedCases: readonly string[];
  /** For a citizen: their own citizen record. */
  citizenId: string | null;
}

export interface CaseOwnership {
  id: string;
  municipalityId: string;
  citizenId: string;
  caseworkerId: string | null;
  teamId: string | null;
}

export interface CaseAccess {
  read: boolean;
  /** Record events, visitation and track; edit the citizen's contact details. */
  write: boolean;
  /** Move the case to another caseworker. */
  reassign: boolean;
  /** Close or reopen the case: its caseworker, or the leader of its team. */
  close: boolean;
  /** Read only because the glass was broken (shown as such, and logged so). */
  viaGrant: boolean;
}

export const NO_ACCESS: CaseAccess = { read: false, write: false, reassign: false, close: false, viaGrant: false };

const has = (actor: Actor, role: Actor['roles'][number]): boolean => actor.roles.includes(role);

export function caseAccess(scope: ActorScope, c: CaseOwnership): CaseAccess {
  const { actor } = scope;
  if (actor.municipalityId !== c.municipalityId) return NO_ACCESS;
  const inTeam = c.teamId !== null && scope.memberOf.includes(c.teamId);
  const owns = has(actor, 'caseworker') && c.caseworkerId === actor.userId;
  const teamRead = (has(actor, 'caseworker') || has(actor, 'company_consultant')) && inTeam;
  const leads = has(actor, 'team_leader') && c.teamId !== null && scope.leads.includes(c.teamId);
  const ownCase = has(actor, 'citizen') && scope.citizenId !== null && scope.citizenId === c.citizenId;
  const regular = owns || teamRead || leads || ownCase;
  const granted = !regular && canBreakGlass(actor) && scope.grantedCases.includes(c.id);
  return { read: regular || granted, write: owns, reassign: leads, close: owns || leads, viaGrant: granted };
}

/** Staff who do case work may read an out-of-scope case with a written reason. */
export function canBreakGlass(actor: Actor): boolean {
  return has(actor, 'caseworker') || has(actor, 'team_leader') || has(actor, 'company_consultant');
}
