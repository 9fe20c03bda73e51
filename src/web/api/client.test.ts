import { describe, it, expect } from 'vitest';
import { ApiError, createApiClient, type HttpMethod } from './client.js';
import { readCookie } from './cookies.js';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeServer(response: () => Response, cookies = '') {
  const calls: Call[] = [];
  const client = createApiClient({
    fetch: (input, init) => {
      calls.push({
        url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        init: init ?? {},
      });
      return Promise.resolve(response());
    },
    cookies: () => cookies,
    language: () => 'en',
  });
  const header = (index: number, name: string): string | null => new Headers(calls[index]?.init.headers).get(name);
  return { client, calls, header };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('readCookie', () => {
  it('finds one cookie among several and decodes it', () => {
    expect(readCookie('a=1; medspiller_csrf=x%2By; b=2', 'medspiller_csrf')).toBe('x+y');
    expect(readCookie('medspiller_csrf_old=1', 'medspiller_csrf')).toBeUndefined();
    expect(readCookie('', 'medspiller_csrf')).toBeUndefined();
    expect(readCookie('t=%E0%A4%A', 't')).toBe('%E0%A4%A');
  });
});

describe('api client', () => {
  it('sends the CSRF cookie as X-CSRF-Token on state-changing methods only', async () => {
    const { client, header } = fakeServer(() => new Response(null, { status: 204 }), 'other=1; medspiller_csrf=tok123');
    const methods: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    for (const method of methods) await client.request(method, '/api/x');
    expect(methods.map((_, index) => header(index, 'X-CSRF-Token'))).toEqual([
      null,
      'tok123',
      'tok123',
      'tok123',
      'tok123',
    ]);
  });

  it('sends JSON with same-origin credentials and the UI language', async () => {
    const { client, calls, header } = fakeServer(() => json(200, { ok: true }));
    const result = await client.request<{ ok: boolean }>('POST', '/api/session', {
      body: { email: 'a@b.dk', password: 'p' },
    });
    expect(result).toEqual({ ok: true });
    expect(calls[0]?.url).toBe('/api/session');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.body).toBe('{"email":"a@b.dk","password":"p"}');
    expect(header(0, 'Content-Type')).toBe('application/json');
    expect(header(0, 'Accept-Language')).toBe('en');
  });

  it('turns an error body { code, message } into an ApiError', async () => {
    const { client } = fakeServer(() =>
      json(401, { code: 'invalid_credentials', message: 'Forkert e-mail eller adgangskode.' }),
    );
    const failure = await client.request('POST', '/api/session', { body: {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 401,
      code: 'invalid_credentials',
      message: 'Forkert e-mail eller adgangskode.',
    });
  });

  it('reports a failure without a usable body, a network failure and an answer that is not JSON', async () => {
    const html = fakeServer(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    await expect(html.client.request('GET', '/api/x')).rejects.toMatchObject({
      status: 502,
      code: 'unexpected_response',
    });

    const offline = createApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      cookies: () => '',
      language: () => 'da',
    });
    await expect(offline.request('GET', '/api/x')).rejects.toMatchObject({ status: 0, code: 'network_error' });

    const proxy = fakeServer(() => new Response('<h1>Welcome</h1>', { status: 200 }));
    await expect(proxy.client.request('GET', '/api/session')).rejects.toMatchObject({
      status: 200,
      code: 'unexpected_response',
    });
  });

  it('answers nothing for an empty body', async () => {
    const { client } = fakeServer(() => new Response(null, { status: 204 }));
    await expect(client.request('DELETE', '/api/session')).resolves.toBeUndefined();
  });
});

describe('api client error details', () => {
  it('keeps the rest of the error body, e.g. the existing case of a duplicate registration', async () => {
    const { client } = fakeServer(() =>
      json(409, {
        code: 'conflict',
        message: 'Borgeren er allerede registreret.',
        reason: 'duplicate_citizen',
        case_id: 'c1',
      }),
    );
    const error = await client.request('POST', '/api/cases').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    if (!(error instanceof ApiError)) return;
    expect(error.message).toBe('Borgeren er allerede registreret.');
    expect(error.details).toEqual({ reason: 'duplicate_citizen', case_id: 'c1' });
  });
});

describe('api client with a file body', () => {
  const upload = (client: ReturnType<typeof createApiClient>, path: string, content: string) =>
    client.request<unknown>('POST', path, { text: { contentType: 'text/csv', content } });

  it('sends the text as-is with its content type, the CSRF header and the language', async () => {
    const { client, calls, header } = fakeServer(() => json(200, { imported: 2 }), 'medspiller_csrf=tok%2B1');
    const csv = 'citizen_id,week,status\nB-1,1,none\n';
    const result = await upload(client, '/api/experiments/x/weekly-import', csv);
    expect(result).toEqual({ imported: 2 });
    expect(calls[0]?.init.body).toBe(csv);
    expect(calls[0]?.init.method).toBe('POST');
    expect(header(0, 'Content-Type')).toBe('text/csv');
    expect(header(0, 'X-CSRF-Token')).toBe('tok+1');
    expect(header(0, 'Accept-Language')).toBe('en');
  });

  it("keeps the server's problems of a rejected file", async () => {
    const { client } = fakeServer(() =>
      json(400, {
        code: 'invalid_input',
        message: 'Filen blev ikke indlæst',
        problems: ['line 2: status "job" is not one of …'],
      }),
    );
    const error = await upload(client, '/x', '').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_input',
      details: { problems: ['line 2: status "job" is not one of …'] },
    });
  });

  it('reports an answer without a usable body and a network failure', async () => {
    await expect(
      upload(fakeServer(() => new Response('<h1>Bad gateway</h1>', { status: 502 })).client, '/x', ''),
    ).rejects.toMatchObject({ status: 502, code: 'unexpected_response' });
    const offline = createApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      cookies: () => '',
      language: () => 'en',
    });
    await expect(upload(offline, '/x', '')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
