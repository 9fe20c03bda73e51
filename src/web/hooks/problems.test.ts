import { describe, it, expect } from 'vitest';
import { ApiError } from '../api/client.js';
import { problemsFrom, problemsOf, splitFieldMessage } from './problems.js';

const FIELDS = {
  cpr: { id: 'register-cpr', label: 'CPR-nummer' },
  reason: { id: 'visitation-reason', label: 'Begrundelse' },
};

describe('splitFieldMessage', () => {
  it('reads the field from schema and service messages alike', () => {
    expect(splitFieldMessage('body.cpr: ugyldig værdi (must NOT have fewer than 10 characters).')).toEqual({
      field: 'cpr',
      rest: 'ugyldig værdi (must NOT have fewer than 10 characters).',
    });
    expect(splitFieldMessage('benefit_start: må ikke ligge i fremtiden.')).toEqual({
      field: 'benefit_start',
      rest: 'må ikke ligge i fremtiden.',
    });
    expect(splitFieldMessage('Borgeren er allerede registreret. Åbn den eksisterende sag.')).toBeNull();
  });
});

describe('problemsFrom', () => {
  it('links a known field; a whole sentence stands as it is, a fragment gets the label', () => {
    const error = new ApiError(400, 'invalid_input', 'cpr: CPR-nummeret indeholder ikke en gyldig fødselsdato.');
    expect(problemsFrom(error, FIELDS, 'fejl')).toEqual({
      problems: [{ message: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.', fieldId: 'register-cpr' }],
      fieldErrors: { cpr: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.' },
    });
    const schema = new ApiError(400, 'invalid_input', 'body.reason: Feltet »reason« må højst have 4.000 tegn.');
    expect(problemsFrom(schema, FIELDS, 'fejl').problems).toEqual([
      { message: 'Feltet »reason« må højst have 4.000 tegn.', fieldId: 'visitation-reason' },
    ]);
    const fragment = new ApiError(400, 'invalid_input', 'reason: må ikke være tom.');
    expect(problemsFrom(fragment, FIELDS, 'fejl')).toEqual({
      problems: [{ message: 'Begrundelse: må ikke være tom.', fieldId: 'visitation-reason' }],
      fieldErrors: { reason: 'må ikke være tom.' },
    });
  });

  it('lists other messages as they are, and hides technical failures behind the fallback', () => {
    expect(problemsFrom(new ApiError(409, 'conflict', 'Sagen er lukket.'), FIELDS, 'fejl').problems).toEqual([
      { message: 'Sagen er lukket.' },
    ]);
    expect(
      problemsFrom(new ApiError(400, 'invalid_input', 'kind: angiv hvilken slags aktivitet.'), FIELDS, 'fejl').problems,
    ).toEqual([{ message: 'kind: angiv hvilken slags aktivitet.' }]);
    expect(problemsFrom(new ApiError(0, 'network_error', 'Failed to fetch'), FIELDS, 'Prøv igen.').problems).toEqual([
      { message: 'Prøv igen.' },
    ]);
    expect(problemsFrom(new Error('boom'), FIELDS, 'Prøv igen.').problems).toEqual([{ message: 'Prøv igen.' }]);
  });
});

describe('problemsOf', () => {
  it('keeps the order the form found them in', () => {
    expect(problemsOf({ reason: 'Skriv en begrundelse.', other: 'Noget andet.' }, FIELDS)).toEqual({
      problems: [{ message: 'Skriv en begrundelse.', fieldId: 'visitation-reason' }, { message: 'Noget andet.' }],
      fieldErrors: { reason: 'Skriv en begrundelse.', other: 'Noget andet.' },
    });
  });
});
