// Sends a file's text as-is (e.g. text/csv) to our API: the JSON client sends only JSON. Same
// cookies, CSRF header and error shape as the JSON client, so callers handle one ApiError.
import { ApiError, type ApiClientDeps } from './client.js';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies.js';
import { isObject } from './json.js';

export interface Uploader {
  post<T>(path: string, contentType: string, body: string, parse: (json: unknown) => T): Promise<T>;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

export function createUploader(deps: ApiClientDeps): Uploader {
  return {
    async post<T>(path: string, contentType: string, body: string, parse: (json: unknown) => T): Promise<T> {
      const headers = new Headers({ Accept: 'application/json', 'Accept-Language': deps.language(), 'Content-Type': contentType });
      const token = readCookie(deps.cookies(), CSRF_COOKIE);
      if (token !== undefined) headers.set(CSRF_HEADER, token);
      let response: Response;
      try {
        response = await deps.fetch(path, { method: 'POST', headers, body, credentials: 'same-origin' });
      } catch (cause) {
        throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
      }
      const json = await readJson(response);
      if (!response.ok) {
        if (isObject(json) && typeof json.code === 'string') {
          const { code, message, ...details } = json;
          throw new ApiError(response.status, code, typeof message === 'string' ? message : code, details);
        }
        throw new ApiError(response.status, 'unexpected_response', `HTTP ${response.status}`);
      }
      try {
        return parse(json);
      } catch (cause) {
        throw new ApiError(response.status, 'unexpected_response', cause instanceof Error ? cause.message : String(cause));
      }
    },
  };
}
