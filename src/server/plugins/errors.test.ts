import type { FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { describeValidation } from './errors.js';

interface Issue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A schema failure as Fastify hands it over: Ajv's issues and where in the request. */
function failure(issues: Issue[], context = 'body'): FastifyError {
  return Object.assign(new Error('validation'), {
    code: 'FST_ERR_VALIDATION',
    name: 'FastifyError',
    statusCode: 400,
    validation: issues,
    validationContext: context,
  }) as unknown as FastifyError;
}

const said = (issues: Issue[], context?: string) => describeValidation(failure(issues, context));

describe('describeValidation', () => {
  it('keeps the field path up front and says a whole sentence naming the field after it', () => {
    expect(said([{ keyword: 'maxLength', instancePath: '/name', params: { limit: 200 } }])).toEqual({
      da: 'body.name: Feltet »name« må højst have 200 tegn.',
      en: 'body.name: The field "name" must have at most 200 characters.',
    });
    expect(said([{ keyword: 'required', instancePath: '', params: { missingProperty: 'reason' } }])).toEqual({
      da: 'body.reason: Feltet »reason« skal udfyldes.',
      en: 'body.reason: The field "reason" is required.',
    });
  });

  it('says empty required text as required, and other length limits with the number', () => {
    expect(said([{ keyword: 'minLength', instancePath: '/reason', params: { limit: 1 } }]).da).toBe(
      'body.reason: Feltet »reason« skal udfyldes.',
    );
    expect(said([{ keyword: 'minLength', instancePath: '/reason', params: { limit: 10 } }])).toEqual({
      da: 'body.reason: Feltet »reason« skal have mindst 10 tegn.',
      en: 'body.reason: The field "reason" must have at least 10 characters.',
    });
  });

  it('names numbers, types, dates and ids in words', () => {
    expect(said([{ keyword: 'maximum', instancePath: '/caseload_cap', params: { limit: 500 } }]).da).toBe(
      'body.caseload_cap: Feltet »caseload_cap« må højst være 500.',
    );
    expect(said([{ keyword: 'minimum', instancePath: '/limit', params: { limit: 1 } }], 'querystring').en).toBe(
      'querystring.limit: The field "limit" must be at least 1.',
    );
    expect(said([{ keyword: 'type', instancePath: '/held', params: { type: 'boolean' } }]).da).toBe(
      'body.held: Feltet »held« skal være true eller false.',
    );
    expect(said([{ keyword: 'type', instancePath: '/end_date', params: { type: 'string,null' } }]).en).toBe(
      'body.end_date: The field "end_date" must be text or null.',
    );
    expect(said([{ keyword: 'format', instancePath: '/date', params: { format: 'date' } }]).da).toBe(
      'body.date: Feltet »date« skal være en gyldig dato (ÅÅÅÅ-MM-DD).',
    );
    expect(said([{ keyword: 'format', instancePath: '/caseId', params: { format: 'uuid' } }], 'params').en).toBe(
      'params.caseId: The field "caseId" must be an id (UUID).',
    );
  });

  it('takes the deepest issue of a union, names nested fields by their path, and the body as a whole', () => {
    const union = [
      { keyword: 'maxLength', instancePath: '/arms/0/label', params: { limit: 40 } },
      { keyword: 'type', instancePath: '/arms/0/label', params: { type: 'null' } },
      { keyword: 'anyOf', instancePath: '/arms/0/label', params: {} },
    ];
    expect(said(union).da).toBe('body.arms.0.label: Feltet »arms.0.label« må højst have 40 tegn.');
    expect(said([{ keyword: 'type', instancePath: '', params: { type: 'object' } }])).toEqual({
      da: 'body: Indholdet (body) skal være et objekt.',
      en: 'body: The body must be an object.',
    });
    expect(said([{ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'x' } }]).en).toBe(
      'body: The field "x" does not exist here.',
    );
  });
});
