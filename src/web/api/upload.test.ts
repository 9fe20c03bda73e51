import { describe, it, expect } from 'vitest';
import { ApiError } from './client.js';
import { createUploader } from './upload.js';

interface Call {
  url: string;
  init: RequestInit;
}

function server(response: () => Response) {
  const calls: Call[] = [];
  const uploader = createUploader({
    fetch: (input, init) => {
      calls.push({ url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init: init ?? {} });
      return Promise.resolve(response());
    },
    cookies: () => 'medspiller_csrf=tok%2B1',
    language: () => 'da',
  });
  return { uploader, calls };
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('uploader', () => {
  it('sends the text as-is with its content type, the CSRF header and the language', async () => {
    const { uploader, calls } = server(() => json(200, { imported: 2 }));
    const csv = 'citizen_id,week,status\nB-1,1,none\n';
    const result = await uploader.post('/api/experiments/x/weekly-import', 'text/csv', csv, (body) => body);
    expect(result).toEqual({ imported: 2 });
    const headers = new Headers(calls[0]?.init.headers);
    expect(calls[0]?.init.body).toBe(csv);
    expect(calls[0]?.init.method).toBe('POST');
    expect(headers.get('Content-Type')).toBe('text/csv');
    expect(headers.get('X-CSRF-Token')).toBe('tok+1');
    expect(headers.get('Accept-Language')).toBe('da');
  });

  it("keeps the server's problems of a rejected file", async () => {
    const { uploader } = server(() => json(400, { code: 'invalid_input', message: 'Filen blev ikke indlæst', problems: ['line 2: status "job" is not one of …'] }));
    const error = await uploader.post('/x', 'text/csv', '', (body) => body).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_input', details: { problems: ['line 2: status "job" is not one of …'] } });
  });

  it('reports an answer without a usable body and a network failure', async () => {
    await expect(server(() => new Response('<h1>Bad gateway</h1>', { status: 502 })).uploader.post('/x', 'text/csv', '', (b) => b)).rejects.toMatchObject({ status: 502, code: 'unexpected_response' });
    const offline = createUploader({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), cookies: () => '', language: () => 'en' });
    await expect(offline.post('/x', 'text/csv', '', (b) => b)).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
