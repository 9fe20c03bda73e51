import { describe, expect, it } from 'vitest';
import {
  redactLine,
  redactLogArguments,
  redactMessage,
  redactText,
  redactUrl,
  redactValue,
  rememberRouteWords,
  safeError,
} from './redact.js';

describe('redactUrl', () => {
  it('keeps query keys and masks every value', () => {
    expect(redactUrl('/api/cases?q=Birgitte')).toBe('/api/cases?q=[redacted]');
    expect(redactUrl('/api/cases?q=Birgitte%20Hansen&status=open&')).toBe('/api/cases?q=[redacted]&status=[redacted]&');
    expect(redactUrl('/api/cases?q=')).toBe('/api/cases?q=[redacted]');
  });

  it('masks a bare query word and a key that is a CPR number', () => {
    expect(redactUrl('/api/cases?Birgitte')).toBe('/api/cases?[redacted]');
    expect(redactUrl('/api/cases?0101901234=1')).toBe('/api/cases?[redacted]=[redacted]');
  });

  it('keeps route words, ids and built files; masks other path segments', () => {
    const id = '3f2b8c1e-6a4d-4e1f-9b2a-0c5d7e8f9a1b';
    expect(redactUrl(`/api/cases/${id}/timeline`)).toBe(`/api/cases/${id}/[redacted]`);
    // The words of routes registered after the hook.
    let onRoute: (route: { url: string }) => void = () => undefined;
    rememberRouteWords({ addHook: (_name: string, hook: typeof onRoute) => (onRoute = hook) } as never);
    onRoute({ url: '/api/cases/:caseId/timeline' });
    expect(redactUrl(`/api/cases/${id}/timeline`)).toBe(`/api/cases/${id}/timeline`);
    expect(redactUrl('/assets/index-B1x2c3.js')).toBe('/assets/index-B1x2c3.js');
    expect(redactUrl('/api/nowhere/0101901234')).toBe('/api/[redacted]/[redacted]');
    expect(redactUrl('/cases/Birgitte%20Hansen')).toBe('/cases/[redacted]');
    expect(redactUrl('/')).toBe('/');
  });
});

describe('redactText', () => {
  it('masks ten digits with or without the dash, whatever the date', () => {
    expect(redactText('cpr 010190-1234 and 0101901234 and 9999991234')).toBe(
      'cpr xxxxxx-xxxx and xxxxxx-xxxx and xxxxxx-xxxx',
    );
  });

  it('leaves longer digit runs, hex ids and response times alone', () => {
    const text = 'took 3.0820829999993293 ms, id abc0101901234, 12345678901';
    expect(redactText(text)).toBe(text);
  });

  it('masks query values wherever a URL appears in text', () => {
    expect(redactText('Route GET:/api/x?q=Birgitte&a=1 not found')).toBe(
      'Route GET:/api/x?q=[redacted]&a=[redacted] not found',
    );
  });
});

describe('redactMessage', () => {
  it('keeps quoted schema names and masks quoted values', () => {
    expect(redactMessage('duplicate key value violates unique constraint "citizen_lookup_key"')).toBe(
      'duplicate key value violates unique constraint "citizen_lookup_key"',
    );
    expect(redactMessage('invalid input syntax for type uuid: "Birgitte"')).toBe(
      'invalid input syntax for type uuid: [redacted]',
    );
    expect(redactMessage('null value in column "name" of relation "citizen" violates not-null constraint')).toBe(
      'null value in column "name" of relation "citizen" violates not-null constraint',
    );
    expect(redactMessage("unnamed portal parameter $1 = 'Birgitte'")).toBe('unnamed portal parameter $1 = [redacted]');
  });

  it('masks the value of a constraint detail', () => {
    expect(redactMessage('Key (cpr_lookup)=(abc, Birgitte (x)) already exists.')).toBe(
      'Key (cpr_lookup)=([redacted]) already exists.',
    );
  });
});

/** Shaped like the errors of pg (DatabaseError) and PGlite, as they were seen. */
function databaseError(): Error {
  const error = new Error('new row for relation "citizen" violates check constraint "no_test"');
  return Object.assign(error, {
    severity: 'ERROR',
    code: '23514',
    detail: 'Failing row contains (Birgitte Hansen, Strandvejen 1, 010190-xxxx, 1990-01-01).',
    where: "unnamed portal parameter $1 = 'Birgitte'",
    hint: 'Birgitte',
    internalQuery: 'select Birgitte',
    schema: 'public',
    table: 'citizen',
    constraint: 'no_test',
    query: 'insert into "citizen" ("name") values ($1)',
    params: ['Birgitte Hansen', '0101901234', '1990-01-01'],
    parameters: ['Birgitte Hansen'],
    node: { kind: 'ValueNode', value: 'Birgitte Hansen' },
  });
}

describe('safeError', () => {
  it('keeps code, names of schema objects and the frames; drops detail, query and parameters', () => {
    const safe = safeError(databaseError());
    expect(safe).toMatchObject({ type: 'DatabaseError', code: '23514', table: 'citizen', constraint: 'no_test' });
    expect(safe.stack).toMatch(/\n\s+at /);
    const text = JSON.stringify(safe);
    for (const data of ['Birgitte', 'Strandvejen', '1990-01-01', '0101901234', 'insert into']) {
      expect(text).not.toContain(data);
    }
  });

  it('masks the message in the stack and follows the cause', () => {
    const error = new Error('lookup failed', { cause: new Error('invalid input syntax for type uuid: "Birgitte"') });
    const safe = safeError(error);
    expect(JSON.stringify(safe)).not.toContain('Birgitte');
    expect((safe.cause as { message: string }).message).toBe('invalid input syntax for type uuid: [redacted]');
  });

  it('reduces a non-error to a masked message', () => {
    expect(safeError({ detail: 'Birgitte' })).toEqual({ type: 'object', message: '[redacted]' });
  });
});

describe('redactValue and redactLogArguments', () => {
  it('masks data fields, errors and numbers shaped like a CPR number at any depth', () => {
    const value = redactValue({
      providerId: 'x',
      user: { name: 'Birgitte', email: 'b@example.dk', tries: 3 },
      body: { cpr: '010190-1234' },
      list: [{ note: 'Har ondt i ryggen' }, 101901234, 1501901234],
      err: databaseError(),
    });
    const text = JSON.stringify(value);
    for (const data of ['Birgitte', 'b@example.dk', '010190', 'ryggen', '1501901234']) expect(text).not.toContain(data);
    expect(text).toContain('"tries":3');
    expect(text).toContain('101901234');
  });

  it('gives `log.error(err)` a masked message instead of the raw one', () => {
    const [first, message] = redactLogArguments([new Error('invalid input syntax for type date: "Birgitte"')]);
    expect(message).toBe('invalid input syntax for type date: [redacted]');
    expect(JSON.stringify(first)).not.toContain('Birgitte');
  });

  it('leaves class instances (a request handed to its serializer) as they are', () => {
    class Request {
      url = '/x';
    }
    const request = new Request();
    expect(redactLogArguments([{ req: request }, 'incoming request'])[0]).toEqual({ req: request });
    expect(redactLogArguments([request])[0]).toBe(request);
  });
});

describe('redactLine', () => {
  it('masks inside strings and keeps the line valid JSON when a number is masked', () => {
    expect(redactLine('{"msg":"cpr 0101901234"}\n')).toBe('{"msg":"cpr xxxxxx-xxxx"}\n');
    const line = redactLine('{"msg":"x","n":1501901234}\n');
    expect(JSON.parse(line)).toEqual({ msg: 'x', n: 'xxxxxx-xxxx' });
    expect(redactLine('{"msg":"fine"}\n')).toBe('{"msg":"fine"}\n');
  });
});
