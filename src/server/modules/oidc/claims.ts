import { parseCpr } from '../../../core/cpr/index.js';

// Which claims of a verified identity name the user, per provider row. Claim names are taken
// literally: brokers use names such as "dk.cpr" or URIs, which are not paths into nested objects.

export interface ClaimMapping {
  audience: 'staff' | 'citizen';
  subjectClaim: string;
  /** Staff only. */
  emailClaim: string | null;
  /** Citizens only. */
  cprClaim: string | null;
}

export interface Identity {
  subject: string | undefined;
  /** Lower case, as app_user stores it. */
  email: string | undefined;
  /** The CPR number as 10 digits; only ever compared by its keyed hash, never logged. */
  cprDigits: string | undefined;
}

export type Claims = Readonly<Record<string, unknown>>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' || trimmed.length > 255 ? undefined : trimmed;
  }
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;
}

function email(claims: Claims, claim: string): string | undefined {
  // An address the provider says it has not verified proves nothing about who logs in.
  if (claim === 'email' && claims.email_verified === false) return undefined;
  const value = text(claims[claim])?.toLowerCase();
  return value !== undefined && /^[^@\s]+@[^@\s]+$/.test(value) ? value : undefined;
}

function cpr(claims: Claims, claim: string): string | undefined {
  const value = text(claims[claim]);
  if (value === undefined) return undefined;
  const parsed = parseCpr(value);
  return parsed.ok ? parsed.value.digits : undefined;
}

export function readIdentity(claims: Claims, mapping: ClaimMapping): Identity {
  return {
    subject: text(claims[mapping.subjectClaim]),
    email: mapping.audience === 'staff' && mapping.emailClaim !== null ? email(claims, mapping.emailClaim) : undefined,
    cprDigits: mapping.audience === 'citizen' && mapping.cprClaim !== null ? cpr(claims, mapping.cprClaim) : undefined,
  };
}

/** The mapped claim names absent from these claims: what the UserInfo endpoint may still supply. */
export function missingClaims(claims: Claims, mapping: ClaimMapping): string[] {
  const wanted = [mapping.subjectClaim];
  if (mapping.audience === 'staff' && mapping.emailClaim !== null) wanted.push(mapping.emailClaim);
  if (mapping.audience === 'citizen' && mapping.cprClaim !== null) wanted.push(mapping.cprClaim);
  return wanted.filter((name) => claims[name] === undefined || claims[name] === null);
}
