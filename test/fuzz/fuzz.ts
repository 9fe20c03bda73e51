import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../../src/core/access/roles.js';
import type { Database } from '../../src/server/db/schema.js';
import { errorStatus } from '../../src/server/errors.js';
import type { DeclaredRoute } from '../../src/server/plugins/auth.js';
import { Client } from '../support/app.js';
import {
  buildMunicipality,
  buildTeam,
  buildUser,
  linkCitizenUser,
  nextCpr,
  twoArmDesign,
} from '../support/factories.js';
import { sample } from '../support/sample.js';

// Schema-aware fuzzing: requests built from each route's own schemas (valid enough to reach the
// handler), then broken in one place at a time with values that have broken servers before.
// The promise under test: never a 5xx for input, and every 4xx in the app's `{ code, message }`.

export interface FuzzCredentials {
  role: Role;
  email: string;
  password: string;
}

/** Ids of records that exist, so that path parameters can name them. */
export type FuzzIds = Record<string, string[]>;

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Users to log in as; requests go out as each of them and as nobody. */
  roles: FuzzCredentials[];
  ids?: FuzzIds;
}

export interface FuzzFailure {
  /** The route as declared, e.g. `PUT /api/cases/:caseId`. */
  route: string;
  request: string;
  status: number;
  body: string;
  problem: string;
}

export interface FuzzResult {
  requests: number;
  byStatus: Record<number, number>;
  failures: FuzzFailure[];
  milliseconds: number;
}

const KNOWN_CODES = new Set(Object.keys(errorStatus));

const huge = 'x'.repeat(1_048_576);
const NASTY_STRINGS = [
  'a\u0000b',
  '\u0000',
  'tab\tnew\nline\rok',
  '\u0001\u0002\u001b[31m\u007f',
  '\u0008\u000b\u000c',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '😀 Æblegrød ÅØ',
  '',
  ' ',
  '%00',
  "'; DROP TABLE app_user; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  huge,
  'y'.repeat(5000),
  '1899-12-31',
  '9999-12-31',
  '0000-00-00',
  '2026-02-30',
  '2026-11-20T25:00:00Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];
const NASTY_NUMBERS = [0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324];
const NASTY_OTHERS: unknown[] = [null, true, false, [], {}, [[]], ['2026-11-20'], [1], { $gt: '' }];
const NASTY_QUERY = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '2147483648',
  '9007199254740993',
  '-1',
  '0',
  '1.5',
  '0x10',
  '%00',
  'a%00b',
  '%01%1b',
  '%ED%A0%80',
  '%C0%AF',
  '%',
  '%zz',
  '',
  '1899-12-31',
  '9999-12-31',
  encodeURIComponent('x'.repeat(70_000)),
];
const NASTY_SEGMENTS = [
  '..',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '..%2f..%2fetc%2fpasswd',
  '%2F',
  '%00',
  '%',
  '%zz',
  '%ED%A0%80',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '1',
  'x'.repeat(150),
  'x'.repeat(10_000),
  '%20',
  ';',
];

type Mutation =
  | { kind: 'field'; part: 'body' | 'query'; path: string[]; value: unknown }
  | { kind: 'queryRaw'; name: string; raw: string }
  | { kind: 'queryRepeat'; name: string }
  | { kind: 'segment'; index: number; raw: string }
  | { kind: 'body'; payload: string; contentType: string }
  | { kind: 'extraField'; value: unknown }
  | { kind: 'cookie'; value: string }
  | { kind: 'none' };

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  items?: Schema;
}

/** Paths to every property of an object schema (nested objects too, and the first array item). */
function fieldPaths(schema: Schema | undefined, prefix: string[] = []): string[][] {
  if (schema === undefined) return [];
  const paths: string[][] = [];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const here = [...prefix, key];
    paths.push(here);
    const inner = value.anyOf?.find((s) => s.type === 'object') ?? value;
    if (inner.type === 'object') paths.push(...fieldPaths(inner, here));
  }
  return paths;
}

function setPath(target: unknown, path: string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const object = typeof target === 'object' && target !== null && !Array.isArray(target) ? target : {};
  return { ...object, [head]: setPath((object as Record<string, unknown>)[head], rest, value) };
}

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_OTHERS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

const queryText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_QUERY) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponentLoose) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** encodeURIComponent that lets lone surrogates through as bytes the server must cope with. */
function encodeURIComponentLoose(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Array.from(text, (char) => `%${(char.charCodeAt(0) & 0xff).toString(16).padStart(2, '0')}`).join('');
  }
}

function mutationFor(route: DeclaredRoute): fc.Arbitrary<Mutation> {
  const schema = (route.schema ?? {}) as { body?: Schema; querystring?: Schema };
  const bodyPaths = fieldPaths(schema.body);
  const queryNames = Object.keys(schema.querystring?.properties ?? {});
  const segments = route.url.split('/').length;
  const options: fc.Arbitrary<Mutation>[] = [
    fc.constant<Mutation>({ kind: 'none' }),
    fc
      .record({ index: fc.integer({ min: 1, max: segments - 1 }), raw: fc.constantFrom(...NASTY_SEGMENTS) })
      .map((m): Mutation => ({ kind: 'segment', ...m })),
    fc
      .constantFrom('NUL\u0000', 'medspiller_session=%00; medspiller_csrf=\u0001', 'x'.repeat(5000), '=;=;')
      .map((value): Mutation => ({ kind: 'cookie', value })),
    fc
      .record({ name: fc.constantFrom(...queryNames, 'unknown'), raw: queryText })
      .map((m): Mutation => ({ kind: 'queryRaw', ...m })),
  ];
  if (queryNames.length > 0) {
    options.push(
      fc.constantFrom(...queryNames).map((name): Mutation => ({ kind: 'queryRepeat', name })),
      fc
        .record({ path: fc.constantFrom(...queryNames.map((n) => [n])), value: anyValue })
        .map((m): Mutation => ({ kind: 'field', part: 'query', ...m })),
    );
  }
  if (route.method !== 'GET') {
    options.push(
      fc
        .record({
          payload: fc.constantFrom('{', '{"a":', 'null', '[]', '"text"', '1', '', '{"a":"\\u0000"}', '\u0000', huge),
          contentType: fc.constantFrom(
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
            'application/xml',
          ),
        })
        .map((m): Mutation => ({ kind: 'body', ...m })),
      anyValue.map((value): Mutation => ({ kind: 'extraField', value })),
    );
    if (bodyPaths.length > 0) {
      const field = fc
        .record({ path: fc.constantFrom(...bodyPaths), value: anyValue })
        .map((m): Mutation => ({ kind: 'field', part: 'body', ...m }));
      options.push(field, field, field, field);
    }
  }
  return fc.oneof(...options);
}

function describeRequest(request: InjectOptions, who: string): string {
  const url = typeof request.url === 'string' ? request.url : '';
  const payload = typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload ?? '');
  const shorten = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);
  return `${request.method ?? 'GET'} ${shorten(url)} as ${who} body=${shorten(payload)}`;
}

/** What is wrong with an answer, or undefined when it keeps the promise. */
export function judge(response: LightMyRequestResponse): string | undefined {
  if (response.statusCode >= 500) return `status ${response.statusCode}`;
  if (response.statusCode < 400) return undefined;
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return 'a 4xx without a JSON body';
  }
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !KNOWN_CODES.has(code)) return `a 4xx with an unknown code ${String(code)}`;
  if (typeof message !== 'string' || message === '') return 'a 4xx without a message';
  if (!(response.headers['content-type'] ?? '').startsWith('application/json'))
    return 'a 4xx that is not application/json';
  return undefined;
}

/**
 * Sends `runs` fuzzed requests to `app` (over app.inject: no sockets) as each of `roles` and as
 * nobody, and reports every answer that breaks the promise. Deterministic for a given seed and
 * database state.
 */
export async function runFuzz(app: FastifyInstance, options: FuzzOptions): Promise<FuzzResult> {
  const started = performance.now();
  const clients = new Map<string, Client>();
  for (const credentials of options.roles) {
    const client = new Client(app);
    const login = await client.login(credentials.email, credentials.password);
    if (login.statusCode !== 200) throw new Error(`fuzz: cannot log in as ${credentials.role}: ${login.statusCode}`);
    clients.set(credentials.role, client);
  }
  const anonymous = new Client(app);
  await anonymous.request('GET', '/api/session');
  clients.set('anonymous', anonymous);
  const who = [...clients.keys()];
  const ids = options.ids ?? {};

  // Logging out would leave the rest of a role's requests without a session: that route is fuzzed
  // without one. The OIDC routes redirect to providers that do not exist in tests.
  const routes = app.routeTable.filter((r) => !r.url.startsWith('/api/oidc/:'));
  if (routes.length === 0) throw new Error('fuzz: the app declares no routes');

  const result: FuzzResult = { requests: 0, byStatus: {}, failures: [], milliseconds: 0 };
  const plan = fc.sample(
    fc.record({ routeIndex: fc.nat({ max: routes.length - 1 }), pick: fc.nat() }).chain((base) => {
      const route = routes[base.routeIndex] as DeclaredRoute;
      // Mostly as a role the route admits, so that the input reaches its handler; sometimes as anyone.
      const admitted =
        route.policy.access === 'roles'
          ? who.filter((w) => route.policy.access === 'roles' && route.policy.roles.includes(w as Role))
          : who;
      const as = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(admitted.length > 0 ? admitted : who)) },
        { weight: 1, arbitrary: fc.constantFrom(...who) },
      );
      return fc.tuple(as, mutationFor(route)).map(([name, mutation]) => ({ ...base, who: name, route, mutation }));
    }),
    { numRuns: options.runs, seed: options.seed },
  );

  for (const { route, who: name, pick, mutation } of plan) {
    const as = route.url === '/api/session' && route.method === 'DELETE' ? 'anonymous' : name;
    const client = clients.get(as) as Client;
    const schema = (route.schema ?? {}) as { body?: Schema; querystring?: Schema };
    const segments = route.url.split('/').map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const known = ids[segment.slice(1)] ?? [];
      return known.length === 0 ? '00000000-0000-4000-8000-000000000000' : (known[pick % known.length] as string);
    });
    let body: unknown = schema.body === undefined ? undefined : sample(schema.body);
    let query = new URLSearchParams();
    let rawQuery = '';
    let payload: string | undefined;
    let contentType = 'application/json';
    const headers: Record<string, string> = {};
    switch (mutation.kind) {
      case 'field':
        if (mutation.part === 'body') body = setPath(body, mutation.path, mutation.value);
        else
          query.set(
            mutation.path[0] as string,
            typeof mutation.value === 'string' ? mutation.value : JSON.stringify(mutation.value),
          );
        break;
      case 'queryRaw':
        rawQuery = `${encodeURIComponent(mutation.name)}=${mutation.raw}`;
        break;
      case 'queryRepeat':
        query = new URLSearchParams([
          [mutation.name, '1'],
          [mutation.name, '2'],
        ]);
        break;
      case 'segment':
        segments[mutation.index] = mutation.raw;
        break;
      case 'body':
        payload = mutation.payload;
        contentType = mutation.contentType;
        break;
      case 'extraField':
        body = { ...(typeof body === 'object' && body !== null ? body : {}), fuzz_extra: mutation.value };
        break;
      case 'cookie':
        headers.cookie = mutation.value;
        break;
      case 'none':
        break;
    }
    const search = [query.toString(), rawQuery].filter((part) => part !== '').join('&');
    const url = `${segments.join('/')}${search === '' ? '' : `?${search}`}`;
    const csrf = client.cookie('medspiller_csrf');
    const jar = ['medspiller_session', 'medspiller_csrf']
      .map((cookie) => [cookie, client.cookie(cookie)])
      .filter(([, value]) => value !== undefined)
      .map(([cookie, value]) => `${cookie}=${value}`)
      .join('; ');
    const request: InjectOptions = {
      method: route.method,
      url,
      headers: {
        cookie: jar,
        ...(csrf !== undefined && route.method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...(route.method !== 'GET' ? { 'content-type': contentType } : {}),
        ...headers,
      },
      ...(route.method === 'GET'
        ? {}
        : { payload: payload ?? (body === undefined ? undefined : JSON.stringify(body)) }),
    };
    let response: LightMyRequestResponse;
    try {
      response = await app.inject(request);
    } catch (error) {
      result.failures.push({
        route: `${route.method} ${route.url}`,
        request: describeRequest(request, as),
        status: 0,
        body: String(error),
        problem: 'inject threw',
      });
      continue;
    }
    result.requests++;
    result.byStatus[response.statusCode] = (result.byStatus[response.statusCode] ?? 0) + 1;
    let problem = judge(response);
    if (problem === undefined && response.statusCode >= 400 && mutation.kind === 'segment' && mutation.raw.length > 3) {
      if (response.body.includes(mutation.raw)) problem = 'a 4xx that echoes the address';
    }
    if (problem !== undefined)
      result.failures.push({
        route: `${route.method} ${route.url}`,
        request: describeRequest(request, as),
        status: response.statusCode,
        body: response.body.slice(0, 300),
        problem,
      });
  }
  result.milliseconds = Math.round(performance.now() - started);
  return result;
}

/**
 * A municipality with a user of every role, a team, cases, an experiment: the records whose ids
 * the fuzzer puts in paths. Registered through the API as the web app would.
 */
export async function buildFuzzWorld(
  db: Kysely<Database>,
  app: FastifyInstance,
): Promise<{ roles: FuzzCredentials[]; ids: FuzzIds }> {
  const m = await buildMunicipality(db, 'Fuzzkommune');
  const users = {} as Record<Role, FuzzCredentials & { id: string }>;
  for (const role of ROLES) {
    const user = await buildUser(db, m.id, [role]);
    users[role] = { role, email: user.email, password: user.password, id: user.id };
  }
  const team = await buildTeam(db, m.id, users.team_leader.id, [users.caseworker.id, users.company_consultant.id]);
  const worker = new Client(app);
  await worker.login(users.caseworker.email, users.caseworker.password);
  const cases: string[] = [];
  const citizens: string[] = [];
  for (const name of ['Fuzz Borger', 'Anden Borger']) {
    const r = await worker.request('POST', '/api/cases', {
      cpr: nextCpr(),
      name,
      benefit: 'cash_benefit',
      benefit_start: '2024-01-01',
      registered: '2026-01-05',
    });
    if (r.statusCode !== 201) throw new Error(`fuzz world: case not registered: ${r.statusCode} ${r.body}`);
    const body = r.json<{ id: string; citizen: { id: string } }>();
    cases.push(body.id);
    citizens.push(body.citizen.id);
    await worker.request('POST', `/api/cases/${body.id}/events`, {
      type: 'conversation',
      date: '2026-01-06',
      held: true,
      mode: 'home',
    });
  }
  await linkCitizenUser(db, m.id, users.citizen.id, citizens[0] as string);
  const timeline = await worker.request('GET', `/api/cases/${cases[0]}/timeline`);
  const events = timeline.json<{ items: { id: string }[] }>().items.map((item) => item.id);
  const analyst = new Client(app);
  await analyst.login(users.analyst.email, users.analyst.password);
  const experiment = await analyst.request('POST', '/api/experiments', twoArmDesign('Fuzzforsøg'));
  if (experiment.statusCode !== 201) throw new Error(`fuzz world: no experiment: ${experiment.body}`);
  return {
    roles: ROLES.map((role) => ({ role, email: users[role].email, password: users[role].password })),
    ids: {
      caseId: cases,
      citizenId: citizens,
      eventId: events,
      teamId: [team.id],
      experimentId: [experiment.json<{ id: string }>().id],
      userId: Object.values(users).map((user) => user.id),
    },
  };
}

/** One line per distinct failure (route, status, problem) with its first example. */
export function summarise(result: FuzzResult): string[] {
  const seen = new Map<string, { count: number; example: FuzzFailure }>();
  for (const failure of result.failures) {
    const key = `${failure.route} → ${failure.status} ${failure.problem}`;
    const entry = seen.get(key);
    if (entry === undefined) seen.set(key, { count: 1, example: failure });
    else entry.count++;
  }
  return [...seen].map(
    ([key, { count, example }]) => `${count} × ${key}\n    e.g. ${example.request}\n    ${example.body}`,
  );
}
