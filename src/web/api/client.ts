// One fetch wrapper for every call to our own API: JSON in and out (or a file's text sent
// as-is), same-origin cookies, the CSRF double-submit header on state-changing requests, and
// one typed error. The answers' types are the server's TypeBox schemas (src/server/modules/
// <m>/schema.ts): the server validates and serialises by them, so the app trusts their shape.
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Codes the server documents, plus the two the client itself produces. */
export type ApiErrorCode =
  | 'invalid_credentials'
  | 'login_locked'
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'version_conflict'
  | 'network_error'
  | 'unexpected_response'
  | (string & {});

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** The rest of the error body, e.g. `reason`, `case_id` or `current` on a conflict. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Any failure as an ApiError; one that is not from the API counts as an unexpected response. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'unexpected_response', error instanceof Error ? error.message : String(error));
}

/** The API's error when it tells a person something; null for no answer or one that is not ours. */
export function readableError(error: unknown): ApiError | null {
  if (!(error instanceof ApiError) || error.code === 'network_error' || error.code === 'unexpected_response')
    return null;
  return error;
}

/** The problems a 400 lists (design checks, weekly import), or none. */
export function listedProblems(error: ApiError): string[] {
  const problems = error.details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter((problem): problem is string => typeof problem === 'string');
}

/** `?name=value&…` of the values given, or '' when there are none. */
export function queryString(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

const UNSAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ApiClientDeps {
  fetch: typeof fetch;
  /** The current `document.cookie` string. */
  cookies: () => string;
  /** The UI language, sent as Accept-Language so the server can answer in it. */
  language: () => string;
}

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as-is with its content type instead of JSON, e.g. an uploaded CSV file. */
  text?: { contentType: string; content: string };
}

export interface ApiClient {
  /** The answer's JSON as `T`, the route's response schema; nothing for an empty answer. */
  request<T = void>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body's JSON (undefined when empty), or null when it is not JSON at all. */
async function readJson(response: Response): Promise<{ json: unknown } | null> {
  const text = await response.text();
  if (text === '') return { json: undefined };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

function errorFrom(status: number, body: unknown): ApiError {
  if (isRecord(body) && typeof body.code === 'string') {
    const { code: _code, message, ...details } = body;
    return new ApiError(status, body.code, typeof message === 'string' ? message : body.code, details);
  }
  return new ApiError(status, 'unexpected_response', `HTTP ${status}`);
}

export function createApiClient(deps: ApiClientDeps): ApiClient {
  return {
    async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
      const headers = new Headers({ Accept: 'application/json', 'Accept-Language': deps.language() });
      if (UNSAFE_METHODS.has(method)) {
        const token = readCookie(deps.cookies(), CSRF_COOKIE);
        if (token !== undefined) headers.set(CSRF_HEADER, token);
      }
      const init: RequestInit = { method, headers, credentials: 'same-origin' };
      if (options.text !== undefined) {
        headers.set('Content-Type', options.text.contentType);
        init.body = options.text.content;
      } else if (options.body !== undefined) {
        headers.set('Content-Type', 'application/json');
        init.body = JSON.stringify(options.body);
      }

      let response: Response;
      try {
        response = await deps.fetch(path, init);
      } catch (cause) {
        const detail = cause instanceof Error ? cause.message : String(cause);
        throw new ApiError(0, 'network_error', detail);
      }
      const body = await readJson(response);
      if (!response.ok) throw errorFrom(response.status, body?.json);
      if (body === null) throw new ApiError(response.status, 'unexpected_response', 'the answer is not JSON');
      // The server serialised the answer by the route's response schema, whose type `T` is.
      return body.json as T;
    },
  };
}
