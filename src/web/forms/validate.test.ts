import { Type } from '@sinclair/typebox';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContactBody, EventBody, ReassignBody, RegisterBody, VoidBody } from '../../server/modules/cases/schema.js';
import { LoginBody } from '../../server/modules/session/schema.js';
import { StatusPeriodInput } from '../../server/modules/status-periods/schema.js';
import { TeamPatch } from '../../server/modules/teams/schema.js';
import type { FieldMap } from '../hooks/problems.js';
import da from '../i18n/da.json';
import en from '../i18n/en.json';
import { characterCount, mergeFound, schemaIssues, validateBody } from './validate.js';

const i18n = i18next.createInstance();
let danish: TFunction;
let english: TFunction;

beforeAll(async () => {
  await i18n.init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: 'da',
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  danish = i18n.getFixedT('da');
  english = i18n.getFixedT('en');
});

const CONTACT: FieldMap = {
  name: { id: 'contact-name', label: 'Navn', subject: 'Navnet' },
  address: { id: 'contact-address', label: 'Adresse', subject: 'Adressen' },
  phone: { id: 'contact-phone', label: 'Telefonnummer', subject: 'Telefonnummeret' },
  email: { id: 'contact-email', label: 'E-mailadresse' },
  language: { id: 'contact-language', label: 'Sprog' },
};

const VERSION = 3;

describe('schemaIssues', () => {
  it('finds every wrong field in one go, the first problem of each', () => {
    expect(
      schemaIssues(ContactBody, {
        name: 'x'.repeat(201),
        address: 'a'.repeat(301),
        phone: 'ring til mig',
        email: 'ikke-en-adresse',
        language: 'DANSK',
        version: VERSION,
      }),
    ).toEqual([
      { field: 'name', kind: 'tooLong', limit: 200, length: 201 },
      { field: 'address', kind: 'tooLong', limit: 300, length: 301 },
      { field: 'phone', kind: 'pattern' },
      { field: 'email', kind: 'pattern' },
      { field: 'language', kind: 'pattern' },
    ]);
  });

  it('says "required" for a missing field and for empty required text, not "too short"', () => {
    expect(schemaIssues(ReassignBody, { caseworker_id: '', reason: '', version: VERSION })).toEqual([
      { field: 'caseworker_id', kind: 'choose' },
      { field: 'reason', kind: 'required' },
    ]);
    expect(schemaIssues(LoginBody, { email: 'a@b' })).toEqual([{ field: 'password', kind: 'required' }]);
    expect(schemaIssues(RegisterBody, { cpr: '0102', name: 'A', benefit: 'cash_benefit' })).toEqual([
      { field: 'cpr', kind: 'tooShort', limit: 10, length: 4 },
      { field: 'benefit_start', kind: 'required' },
      { field: 'registered', kind: 'required' },
    ]);
  });

  it('checks the enum lists, dates that must exist and number limits like the server', () => {
    expect(schemaIssues(EventBody, { type: 'party', date: '2026-02-30', mode: 'moon' })).toEqual([
      { field: 'type', kind: 'choose' },
      { field: 'date', kind: 'date' },
      { field: 'mode', kind: 'choose' },
    ]);
    expect(schemaIssues(TeamPatch, { caseload_cap: 0, version: VERSION })).toEqual([
      { field: 'caseload_cap', kind: 'minimum', limit: 1 },
    ]);
    expect(schemaIssues(TeamPatch, { caseload_cap: 501, version: VERSION })).toEqual([
      { field: 'caseload_cap', kind: 'maximum', limit: 500 },
    ]);
    expect(schemaIssues(TeamPatch, { caseload_cap: 2.5, version: VERSION })).toEqual([
      { field: 'caseload_cap', kind: 'integer' },
    ]);
  });

  it('accepts a body the server accepts', () => {
    expect(
      schemaIssues(EventBody, { type: 'conversation', date: '2024-02-29', held: true, mode: 'home', note: 'x' }),
    ).toEqual([]);
    expect(schemaIssues(ContactBody, { name: 'Alma', address: null, phone: null, version: VERSION })).toEqual([]);
    expect(
      schemaIssues(StatusPeriodInput, { status: 'ordinary_job', start_date: '2026-01-05', end_date: null }),
    ).toEqual([]);
  });

  it('counts characters as the server does: an emoji is one', () => {
    expect(characterCount('😀'.repeat(4000))).toBe(4000);
    expect(schemaIssues(VoidBody, { reason: '😀'.repeat(2000), version: VERSION })).toEqual([]);
    expect(schemaIssues(VoidBody, { reason: '😀'.repeat(2001), version: VERSION })).toEqual([
      { field: 'reason', kind: 'tooLong', limit: 2000, length: 2001 },
    ]);
  });
});

describe('validateBody', () => {
  it('says each problem as a sentence naming the field, with the count written the Danish way', () => {
    const note = { note: { id: 'event-note', label: 'Notat', subject: 'Notatet' } };
    expect(
      validateBody(EventBody, { type: 'conversation', date: '2026-03-02', note: 'n'.repeat(4012) }, note, danish, 'da'),
    ).toEqual({ note: 'Notatet må højst have 4.000 tegn. Du har skrevet 4.012.' });
    const englishNote = { note: { id: 'event-note', label: 'Note', subject: 'The note' } };
    expect(
      validateBody(
        EventBody,
        { type: 'conversation', date: '2026-03-02', note: 'n'.repeat(4012) },
        englishNote,
        english,
        'en',
      ),
    ).toEqual({ note: 'The note must have at most 4,000 characters. You have written 4,012.' });
  });

  it('names a field without its own subject by its label, and one the form does not map by its path', () => {
    const found = validateBody(
      ContactBody,
      { name: '', email: 'nej', interpreter_needed: 'ja', version: VERSION },
      CONTACT,
      danish,
      'da',
    );
    expect(found).toEqual({
      name: 'Navnet skal udfyldes.',
      email: 'Feltet »E-mailadresse« har ikke det rigtige format.',
      interpreter_needed: 'Feltet »interpreter_needed« har en værdi, der ikke kan bruges. Ret den, og prøv igen.',
    });
  });

  it('says limits, choices and dates in both languages', () => {
    const cap = { caseload_cap: { id: 'cap', label: 'Højst antal sager', subject: 'Loftet' } };
    expect(validateBody(TeamPatch, { caseload_cap: 600, version: 1 }, cap, danish, 'da')).toEqual({
      caseload_cap: 'Loftet må højst være 500.',
    });
    expect(validateBody(TeamPatch, { caseload_cap: 0, version: 1 }, cap, english, 'en')).toEqual({
      caseload_cap: 'Loftet must be at least 1.',
    });
    const period = {
      status: { id: 'period-status', label: 'Status' },
      start_date: { id: 'period-start', label: 'Fra' },
    };
    expect(validateBody(StatusPeriodInput, { status: '', start_date: '2026-13-01' }, period, danish, 'da')).toEqual({
      status: 'Vælg en af mulighederne under »Status«.',
      start_date: 'Feltet »Fra« skal være en gyldig dato.',
    });
    expect(validateBody(StatusPeriodInput, { status: '', start_date: '2026-13-01' }, period, english, 'en')).toEqual({
      status: 'Choose one of the options under "Status".',
      start_date: 'The field "Fra" must be a valid date.',
    });
  });

  it('puts a nested path on the field the form has for its first part', () => {
    const fields = { arms: { id: 'arm-0-name', label: 'Arme' } };
    const schema = Type.Object({ arms: Type.Array(Type.Object({ name: Type.String({ maxLength: 3 }) })) });
    expect(validateBody(schema, { arms: [{ name: 'abcd' }] }, fields, danish, 'da')).toEqual({
      arms: 'Feltet »Arme« må højst have 3 tegn. Du har skrevet 4.',
    });
  });
});

describe('mergeFound', () => {
  it('keeps the first message of each field and follows the form order', () => {
    const merged = mergeFound(
      CONTACT,
      { email: 'Indtast en e-mailadresse med @, fx navn@eksempel.dk.' },
      {
        phone: 'Telefonnummeret har ikke det rigtige format.',
        email: 'Feltet »E-mailadresse« har ikke …',
        extra: 'X.',
      },
      { name: 'Navnet skal udfyldes.' },
    );
    expect(Object.entries(merged)).toEqual([
      ['name', 'Navnet skal udfyldes.'],
      ['phone', 'Telefonnummeret har ikke det rigtige format.'],
      ['email', 'Indtast en e-mailadresse med @, fx navn@eksempel.dk.'],
      ['extra', 'X.'],
    ]);
  });
});
