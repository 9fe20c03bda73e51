// One fetch wrapper for every call to our own API: JSON in and out (or a file's text sent
// as-is), same-origin cookies, the CSRF double-submit header on state-changing requests, and
// one typed error.
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

const UNSAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ApiClientDeps {
  fetch: typeof fetch;
  /** The current `document.cookie` string. */
  cookies: () => string;
  /** The UI language, sent as Accept-Language so the server can answer in it. */
  language: () => string;
}

export interface RequestOptions<T> {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as-is with its content type instead of JSON, e.g. an uploaded CSV file. */
  text?: { contentType: string; content: string };
  /** Turns the parsed JSON into the typed result; throw to reject an unexpected shape. */
  parse?: (json: unknown) => T;
}

export interface ApiClient {
  request<T = void>(method: HttpMethod, path: string, options?: RequestOptions<T>): Promise<T>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
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
    async request<T>(method: HttpMethod, path: string, options: RequestOptions<T> = {}): Promise<T> {
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
      const json = await readJson(response);
      if (!response.ok) throw errorFrom(response.status, json);
      if (options.parse === undefined) return undefined as T;
      try {
        return options.parse(json);
      } catch (cause) {
        const detail = cause instanceof Error ? cause.message : String(cause);
        throw new ApiError(response.status, 'unexpected_response', detail);
      }
    },
  };
}
