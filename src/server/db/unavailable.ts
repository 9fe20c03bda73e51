// Which errors mean "the database cannot serve right now" (answer 503 and ask the client to retry)
// rather than "this request is wrong" or "our code is wrong". Both drivers, pg's pool included.

/** Socket-level failures while connecting to or talking with the server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** SQLSTATEs of a server that is going away, not accepting, or gave up on a statement. */
const SQLSTATES = new Set([
  '57P01', // admin_shutdown: the backend was terminated
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
]);

/** Errors pg, pg-pool and PGlite raise without a code. */
const MESSAGES = [
  /^Connection terminated/, // the server closed the socket, or connectionTimeoutMillis while connecting
  /^timeout exceeded when trying to connect$/, // pg-pool: no client within connectionTimeoutMillis
  /^timeout expired$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/, // during shutdown
  /^PGlite is closed$/,
  /^driver has already been destroyed$/, // Kysely, after the database was closed at shutdown
];

function matches(error: unknown, depth: number): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') {
    if (NETWORK_CODES.has(e.code) || SQLSTATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  if (typeof e.message === 'string' && MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
  // Node reports a refused connection to every address of a host name as an AggregateError.
  if (Array.isArray(e.errors) && e.errors.some((inner) => matches(inner, depth + 1))) return true;
  return matches(e.cause, depth + 1);
}

/** True when `error` says the database is unreachable, restarting, overloaded or too slow. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return matches(error, 0);
}
