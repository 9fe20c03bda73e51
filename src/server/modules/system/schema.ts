import { Type, type Static } from '@sinclair/typebox';

// Health checks for the operations team's load balancer and monitoring.

export const Health = Type.Object({ status: Type.Literal('ok') });
export type Health = Static<typeof Health>;

export const Readiness = Type.Object({ status: Type.Literal('ready'), migrations: Type.Integer() });
export type Readiness = Static<typeof Readiness>;
