// One place where PostgreSQL values become JavaScript values, for both drivers:
// int8 → number (refusing values beyond 2^53, which would silently lose øre),
// date → 'YYYY-MM-DD' string (no time zone can shift it), timestamptz → Date.

export const OID = { INT8: 20, DATE: 1082, TIMESTAMPTZ: 1184, TIMESTAMP: 1114 } as const;

export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint value ${value} does not fit a JavaScript number`);
  return n;
}

export function parseDate(value: string): string {
  return value;
}

/** Parsers keyed by type oid, as PGlite's `parsers` option and pg's type override want them. */
export const parsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: parseInt8,
  [OID.DATE]: parseDate,
};
