import type { FastifyInstance, FastifyServerOptions } from 'fastify';

// No personal data may reach a log (issue 12). Every log line passes three layers, so a careless
// call cannot bypass them all:
// 1. `hooks.logMethod` cleans what a call hands the logger: errors become a safe shape, objects
//    lose fields that carry data (bodies, SQL parameters, names…), strings lose CPR-like numbers
//    and URL query values.
// 2. serializers: a request is logged as method, route-shaped URL and id, never its body; `err`
//    always goes through `safeError`.
// 3. `hooks.streamWrite` masks CPR-like numbers and URL query values in the finished line, for
//    whatever a library writes past the first two.

export const REDACTED = '[redacted]';
const CPR_MASK = 'xxxxxx-xxxx';

// Ten digits, with or without the dash, not inside a longer run of digits or a hex id. Unlike the
// leak check this masks every such number, valid date or not: a log line gains nothing from them.
const CPR_LIKE = /(?<![\p{L}\p{N}])[0-9]{6}-?[0-9]{4}(?![\p{L}\p{N}])/gu;
const HAS_CPR_LIKE = new RegExp(CPR_LIKE.source, 'u');
// `?key=value` / `&key=value` anywhere in a text: keep the key, drop the value.
const QUERY_VALUE = /([?&])([A-Za-z_][\w.[\]-]{0,60})=(?!\[redacted\])[^&\s"'\\#]*/g;

/** CPR-like numbers and URL query values masked in free text. */
export function redactText(text: string): string {
  return text.replace(CPR_LIKE, CPR_MASK).replace(QUERY_VALUE, `$1$2=${REDACTED}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Built files of the web app (`/assets/index-B1x2.js`); a person's name has no such suffix.
const ASSET_FILE = /^[\w.-]+\.(?:js|mjs|css|map|svg|png|jpe?g|gif|webp|ico|woff2?|ttf|json|txt|webmanifest|html)$/i;
const QUERY_KEY = /^[A-Za-z_][\w.[\]-]{0,60}$/;

// Literal segments of the server's routes (filled by `rememberRouteWords`) and of the web app's
// pages. Anything else in a path may be something a person typed, so it is masked.
const knownSegments = new Set<string>([
  'api',
  'assets',
  'login',
  'logout',
  'cases',
  'citizens',
  'teams',
  'users',
  'settings',
  'experiments',
  'work-queue',
  'audit',
  'me',
  'docs',
  'static',
  'json',
  'yaml',
]);

/** Adds every literal path segment of the app's routes to the words a logged path may keep. */
export function rememberRouteWords(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    for (const segment of route.url.split('/')) {
      if (segment !== '' && !segment.includes(':') && !segment.includes('*')) knownSegments.add(segment);
    }
  });
}

function safeSegment(segment: string): string {
  if (segment === '' || knownSegments.has(segment) || UUID.test(segment) || ASSET_FILE.test(segment)) return segment;
  return REDACTED;
}

/**
 * A request URL fit for a log: path segments that are neither route words, ids nor built files
 * masked; every query value masked, keys kept (`/api/cases?q=[redacted]`).
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const pathPart = queryAt === -1 ? url : url.slice(0, queryAt);
  const path = pathPart.split('/').map(safeSegment).join('/');
  if (queryAt === -1) return path;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      if (pair === '') return pair;
      const eq = pair.indexOf('=');
      // A key alone (`?Birgitte`) is as likely a value as a key.
      if (eq === -1) return REDACTED;
      const key = pair.slice(0, eq);
      return `${QUERY_KEY.test(key) && !HAS_CPR_LIKE.test(key) ? key : REDACTED}=${REDACTED}`;
    })
    .join('&');
  return `${path}?${query}`;
}

// A database message keeps the names of schema objects it quotes ("violates unique constraint
// \"citizen_pkey\"") and loses every quoted value ("invalid input syntax for type uuid: \"Birgitte\"").
const QUOTED = /("(?:[^"\\]|\\.)*")|('(?:[^'\\]|\\.)*')/g;
const NAMES_AN_OBJECT =
  /\b(?:column|relation|constraint|table|index|schema|type|function|sequence|database|role|operator|extension|trigger|view|of relation)\s*$/i;
// Key (cpr_lookup)=(…), the shape of a constraint's detail.
const KEY_VALUE = /\(([^()]*)\)=\((?:[^()]|\([^()]*\))*\)/g;

/** An error message with quoted values, `(key)=(value)` pairs, CPR-like numbers and query values masked. */
export function redactMessage(message: string): string {
  const unquoted = message.replace(QUOTED, (match: string, _double: unknown, _single: unknown, offset: number) => {
    if (match.startsWith('"') && NAMES_AN_OBJECT.test(message.slice(0, offset))) return match;
    return REDACTED;
  });
  return redactText(unquoted.replace(KEY_VALUE, `($1)=(${REDACTED})`));
}

// What of an error may be logged: its kind and where it came from, never the data it was about.
// Everything else (pg's `detail`, `where`, `hint`, `internalQuery`; PGlite's `query` and
// `params`; Kysely's query `node`; Ajv's `validation` data) is dropped.
const SAFE_ERROR_FIELDS = [
  'code',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
  'statusCode',
  'status',
] as const;

export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

function isErrorLike(value: unknown): value is Error {
  return (
    value instanceof Error ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { message?: unknown }).message === 'string' &&
      typeof (value as { stack?: unknown }).stack === 'string')
  );
}

/** An error reduced to its kind, code, schema-object names, masked message and stack frames. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!isErrorLike(error)) {
    return { type: typeof error, message: typeof error === 'string' ? redactMessage(error) : REDACTED };
  }
  const fields = error as unknown as Record<string, unknown>;
  // PGlite's error class has a minified name; both drivers' errors carry `severity`.
  const fromDatabase = typeof fields.severity === 'string' && typeof fields.code === 'string';
  const type = fromDatabase ? 'DatabaseError' : error.constructor.name !== '' ? error.constructor.name : error.name;
  const message = redactMessage(error.message);
  const out: SafeError = { type, message };
  if (error.name !== type && typeof error.name === 'string') out.name = error.name;
  for (const field of SAFE_ERROR_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = redactMessage(String(value));
  }
  if (typeof error.stack === 'string') {
    // The first line repeats the message; only the frames are kept, behind the masked message.
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
    out.stack = [`${type}: ${message}`, ...frames.map(redactText)].join('\n');
  }
  if (depth < 3 && error.cause !== undefined) out.cause = safeError(error.cause, depth + 1);
  if (depth < 3 && error instanceof AggregateError) {
    out.errors = (error.errors as unknown[]).slice(0, 10).map((inner) => safeError(inner, depth + 1));
  }
  return out;
}

// Fields whose value is data about someone (or a whole request/response body) whatever logs them.
const DATA_KEYS = new Set([
  'body',
  'payload',
  'params',
  'parameters',
  'query',
  'querystring',
  'cpr',
  'cpr_ciphertext',
  'cpr_lookup',
  'cpr_masked',
  'birth_date',
  'name',
  'address',
  'phone',
  'email',
  'note',
  'notes',
]);

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(value);
}

/**
 * A value fit for a log: errors in their safe shape, data fields masked, strings cleaned. Objects
 * of classes other than Error (a Fastify request or reply) are left to their serializers.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number') return HAS_CPR_LIKE.test(String(value)) ? CPR_MASK : value;
  if (typeof value !== 'object' || value === null) return value;
  if (isErrorLike(value)) return safeError(value);
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return REDACTED;
  if (!isPlain(value)) return value;
  if (depth > 6) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = DATA_KEYS.has(key) && inner !== null && inner !== undefined ? REDACTED : redactValue(inner, depth + 1);
  }
  return out;
}

/** The arguments of one log call, cleaned (see `redactValue`); `log.error(err)` gets a masked message. */
export function redactLogArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (isErrorLike(first)) {
    // pino would log `err.message` unmasked as the line's message.
    const message = typeof rest[0] === 'string' ? rest : [redactMessage(first.message), ...rest.slice(1)];
    return [{ err: safeError(first) }, ...message.map((item) => redactValue(item))];
  }
  return args.map((item, i) => {
    // A Fastify request or reply handed over as `{ req }`/`{ res }`: its serializer cleans it.
    if (i === 0 && typeof item === 'object' && item !== null && !isPlain(item) && !isErrorLike(item)) return item;
    return redactValue(item);
  });
}

/** The final line as written: CPR-like numbers and query values masked; still valid JSON. */
export function redactLine(line: string): string {
  const masked = redactText(line);
  if (masked === line) return line;
  try {
    JSON.parse(masked);
    return masked;
  } catch {
    // A number in the JSON was masked: clean the parsed line value by value instead.
    try {
      return `${JSON.stringify(redactValue(JSON.parse(line)))}\n`;
    } catch {
      return `${JSON.stringify({ msg: 'log line withheld: could not be cleaned' })}\n`;
    }
  }
}

interface LoggedRequest {
  method: string;
  url: string;
  id: string;
  ip?: string;
}

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream === undefined ? {} : { stream }),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: REDACTED,
    },
    serializers: {
      // Never the body, the headers or the raw URL.
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: redactUrl(req.url), ip: req.ip }),
      err: (err: Error) => ({ stack: '', ...safeError(err) }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, redactLogArguments(args) as Parameters<typeof method>);
      },
      streamWrite: redactLine,
    },
  };
}
