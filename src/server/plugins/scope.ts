import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import type { ActorScope } from '../../core/access/case-scope.js';
import type { Scope } from './policy.js';

// A route's declared scope is checked before its handler runs, before the body is even parsed:
// outside it the record "does not exist" (404), so existence does not leak. The check is the
// access module's; a use case decides again inside its transaction, on the row it works from.

export interface ScopeContext {
  /** The caller's teams, broken-glass grants and own citizen record, as the check found them. */
  actorScope: ActorScope;
}

declare module 'fastify' {
  interface FastifyRequest {
    scope: ScopeContext | null;
  }
}

/**
 * Decides a route's declared scope for the caller before the handler runs and sets
 * `request.scope`; throws 404 outside it. Given to registerAuth by app.ts (the access module
 * implements it): plugins import no module.
 */
export type ScopeCheck = (request: FastifyRequest, scope: Scope, actor: Actor) => Promise<void>;
