// Validation of rule sets read from JSON (the shipped defaults go through it too).
import { CATEGORIES, CONVERSATION_TYPES, EVENT_TYPES, SPAN_TYPES, TRACKS, type EventType } from './case.js';
import { compareDates, isBefore } from './date.js';
import { parseDuration, type Duration } from './duration.js';
import { FieldReader, fieldPath, type JsonRecord, type Result } from './fields.js';
import {
  BASIS_KINDS,
  COUNTING_KINDS,
  TEMPLATE_PLACEHOLDERS,
  type AnchorRef,
  type Applicability,
  type Counting,
  type EventMatcher,
  type Localized,
  type RuleSet,
  type RuleVersion,
  type StartAnchor,
} from './schema.js';

const RULE_ID = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const FACTS = ['registered', 'benefit_start'] as const;

/** Reads a required key with `read`; a missing key is reported once, as `path: required`. */
function need<T>(
  reader: FieldReader,
  record: JsonRecord,
  key: string,
  base: string,
  read: (value: unknown, path: string) => T | undefined,
): T | undefined {
  const value = reader.required(record, key, base);
  return value === undefined ? undefined : read(value, fieldPath(base, key));
}

function readLocalized(reader: FieldReader, value: unknown, path: string): Localized | undefined {
  const record = reader.record(value, path);
  if (record === undefined) return undefined;
  const da = need(reader, record, 'da', path, (v, p) => reader.string(v, p));
  const en = need(reader, record, 'en', path, (v, p) => reader.string(v, p));
  return da === undefined || en === undefined ? undefined : { da, en };
}

function readTemplate(reader: FieldReader, value: unknown, path: string, allowN: boolean): Localized | undefined {
  const text = readLocalized(reader, value, path);
  if (text === undefined) return undefined;
  let ok = true;
  for (const language of ['da', 'en'] as const) {
    for (const [, name = ''] of text[language].matchAll(/\{([^{}]*)\}/g)) {
      const known = TEMPLATE_PLACEHOLDERS.some((p) => p === name) && (allowN || name !== 'n');
      if (!known) {
        reader.fail(fieldPath(path, language), `unknown placeholder {${name}}`);
        ok = false;
      }
    }
  }
  return ok ? text : undefined;
}

function readDuration(reader: FieldReader, value: unknown, path: string): Duration | undefined {
  const duration = typeof value === 'string' ? parseDuration(value) : null;
  if (duration !== null) return duration;
  reader.fail(path, 'not a duration (one unit, e.g. P1W, P6M, P3Y, P42D)');
  return undefined;
}

function readAnchorFields(reader: FieldReader, record: JsonRecord, path: string): AnchorRef | undefined {
  const fact = need(reader, record, 'fact', path, (v, p) => reader.oneOf(v, FACTS, p));
  const plus =
    record.plus === undefined || record.plus === null
      ? null
      : readDuration(reader, record.plus, fieldPath(path, 'plus'));
  return fact === undefined || plus === undefined ? undefined : { fact, plus };
}

function readAnchorRef(reader: FieldReader, value: unknown, path: string): AnchorRef | undefined {
  const record = reader.record(value, path);
  return record === undefined ? undefined : readAnchorFields(reader, record, path);
}

function readStart(reader: FieldReader, value: unknown, path: string): StartAnchor | undefined {
  const record = reader.record(value, path);
  if (record === undefined) return undefined;
  const ref = readAnchorFields(reader, record, path);
  const label = need(reader, record, 'label', path, (v, p) => readLocalized(reader, v, p));
  return ref === undefined || label === undefined ? undefined : { ...ref, label };
}

function readMatcher(
  reader: FieldReader,
  value: unknown,
  path: string,
  allowed: readonly EventType[],
): EventMatcher | undefined {
  const record = reader.record(value, path);
  if (record === undefined) return undefined;
  const typesPath = fieldPath(path, 'types');
  const rawTypes = need(reader, record, 'types', path, (v, p) => reader.array(v, p));
  if (rawTypes?.length === 0) reader.fail(typesPath, 'must name at least one event type');
  const types = (rawTypes ?? []).map((t, i) => reader.oneOf(t, allowed, fieldPath(typesPath, i)));
  const held =
    record.held === undefined || record.held === null ? null : reader.boolean(record.held, fieldPath(path, 'held'));
  if (held !== null && !types.every((t) => CONVERSATION_TYPES.some((c) => c === t)))
    reader.fail(fieldPath(path, 'held'), 'only for conversation types');
  const kindsPath = fieldPath(path, 'kinds');
  const rawKinds = record.kinds === undefined || record.kinds === null ? null : reader.array(record.kinds, kindsPath);
  const kinds = rawKinds
    ? rawKinds.map((k, i) => reader.string(k, fieldPath(kindsPath, i))).filter((k): k is string => k !== undefined)
    : rawKinds;
  if (rawKinds?.length === 0) reader.fail(kindsPath, 'must name at least one kind');
  if (rawKinds && !types.every((t) => t === 'activity')) reader.fail(kindsPath, 'only for activity events');
  const label = need(reader, record, 'label', path, (v, p) => readLocalized(reader, v, p));
  const known = types.filter((t): t is EventType => t !== undefined);
  if (
    rawTypes === undefined ||
    known.length !== types.length ||
    held === undefined ||
    kinds === undefined ||
    label === undefined
  )
    return undefined;
  return { types: known, held, kinds, label };
}

function readCounting(reader: FieldReader, value: unknown, path: string): Counting | undefined {
  const record = reader.record(value, path);
  if (record === undefined) return undefined;
  const kind = need(reader, record, 'kind', path, (v, p) => reader.oneOf(v, COUNTING_KINDS, p));
  const start = need(reader, record, 'start', path, (v, p) => readStart(reader, v, p));
  const period = need(reader, record, 'period', path, (v, p) => readDuration(reader, v, p));
  if (kind === undefined) return undefined;
  switch (kind) {
    case 'nth_occurrence': {
      const raw = record.n ?? 1;
      const n = typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 1000 ? raw : undefined;
      if (n === undefined) reader.fail(fieldPath(path, 'n'), 'must be a whole number from 1 to 1000');
      const metBy = need(reader, record, 'met_by', path, (v, p) => readMatcher(reader, v, p, EVENT_TYPES));
      return start && period && metBy && n !== undefined ? { kind, start, period, n, met_by: metBy } : undefined;
    }
    case 'recurring': {
      const metBy = need(reader, record, 'met_by', path, (v, p) => readMatcher(reader, v, p, EVENT_TYPES));
      const dueUntil =
        record.due_until === undefined || record.due_until === null
          ? null
          : readAnchorRef(reader, record.due_until, fieldPath(path, 'due_until'));
      const onlyAfter =
        record.only_after_start === undefined
          ? false
          : reader.boolean(record.only_after_start, fieldPath(path, 'only_after_start'));
      if (!start || !period || !metBy || dueUntil === undefined || onlyAfter === undefined) return undefined;
      return { kind, start, period, met_by: metBy, due_until: dueUntil, only_after_start: onlyAfter };
    }
    case 'gap_since': {
      const spans = need(reader, record, 'spans', path, (v, p) => readMatcher(reader, v, p, SPAN_TYPES));
      return start && period && spans ? { kind, start, period, spans } : undefined;
    }
  }
}

function readApplicability(reader: FieldReader, value: unknown, path: string): Applicability | undefined {
  if (value === undefined || value === null) return { categories: null, tracks: null };
  const record = reader.record(value, path);
  if (record === undefined) return undefined;
  const list = <T extends string>(key: string, allowed: readonly T[]): readonly T[] | null | undefined => {
    const raw = record[key];
    if (raw === undefined || raw === null) return null;
    const items = reader.array(raw, fieldPath(path, key));
    if (items === undefined) return undefined;
    const read = items.map((item, i) => reader.oneOf(item, allowed, fieldPath(fieldPath(path, key), i)));
    return read.every((item) => item !== undefined) ? read : undefined;
  };
  const categories = list('categories', CATEGORIES);
  const tracks = list('tracks', TRACKS);
  return categories === undefined || tracks === undefined ? undefined : { categories, tracks };
}

function readRuleVersion(reader: FieldReader, value: unknown, path: string): RuleVersion | undefined {
  const record = reader.record(value, path);
  if (record === undefined) return undefined;
  const id = need(reader, record, 'id', path, (v, p) => reader.string(v, p));
  if (id !== undefined && !RULE_ID.test(id))
    reader.fail(fieldPath(path, 'id'), 'must look like "area.name" (lower case, digits, _)');
  const validFrom = need(reader, record, 'valid_from', path, (v, p) => reader.date(v, p));
  const validTo =
    record.valid_to === undefined || record.valid_to === null
      ? null
      : reader.date(record.valid_to, fieldPath(path, 'valid_to'));
  if (validFrom !== undefined && validTo && isBefore(validTo, validFrom))
    reader.fail(fieldPath(path, 'valid_to'), 'before valid_from');
  const basis = need(reader, record, 'basis', path, (v, p) => reader.string(v, p));
  const basisKind = need(reader, record, 'basis_kind', path, (v, p) => reader.oneOf(v, BASIS_KINDS, p));
  const title = need(reader, record, 'title', path, (v, p) => readLocalized(reader, v, p));
  const counting = need(reader, record, 'counting', path, (v, p) => readCounting(reader, v, p));
  const allowN = counting?.kind === 'nth_occurrence';
  const explanation = need(reader, record, 'explanation', path, (v, p) => readTemplate(reader, v, p, allowN));
  const appliesTo = readApplicability(reader, record.applies_to, fieldPath(path, 'applies_to'));
  if (
    !id ||
    !RULE_ID.test(id) ||
    !validFrom ||
    validTo === undefined ||
    !basis ||
    !basisKind ||
    !title ||
    !explanation ||
    !appliesTo ||
    !counting
  ) {
    return undefined;
  }
  return {
    id,
    valid_from: validFrom,
    valid_to: validTo,
    basis,
    basis_kind: basisKind,
    title,
    explanation,
    applies_to: appliesTo,
    counting,
  };
}

function describeVersion(rule: RuleVersion): string {
  return `${rule.id} valid ${rule.valid_from}–${rule.valid_to ?? 'open'}`;
}

/** Versions of one rule id must not overlap: a date has at most one version in force. */
export function findVersionConflicts(rules: readonly RuleVersion[]): string[] {
  const conflicts: string[] = [];
  const byId = new Map<string, RuleVersion[]>();
  for (const rule of rules) byId.set(rule.id, [...(byId.get(rule.id) ?? []), rule]);
  for (const versions of byId.values()) {
    const sorted = [...versions].sort((a, b) => compareDates(a.valid_from, b.valid_from));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!;
      const current = sorted[i]!;
      if (previous.valid_to === null || !isBefore(previous.valid_to, current.valid_from)) {
        conflicts.push(`${describeVersion(current)} overlaps ${describeVersion(previous)}`);
      }
    }
  }
  return conflicts;
}

/** Reads one rule set: `{ "id", "name": {da,en}, "rules": [ ...versions ] }`. */
export function parseRuleSet(json: unknown, base = ''): Result<RuleSet> {
  const reader = new FieldReader();
  const record = reader.record(json, base);
  if (record === undefined) return reader.failure();
  const id = need(reader, record, 'id', base, (v, p) => reader.string(v, p));
  const name =
    record.name === undefined
      ? { da: id ?? '', en: id ?? '' }
      : readLocalized(reader, record.name, fieldPath(base, 'name'));
  const rawRules = need(reader, record, 'rules', base, (v, p) => reader.array(v, p)) ?? [];
  const rulesPath = fieldPath(base, 'rules');
  const rules = rawRules.map((raw, i) => readRuleVersion(reader, raw, fieldPath(rulesPath, i)));
  const complete = rules.filter((rule): rule is RuleVersion => rule !== undefined);
  if (reader.errors.length > 0 || id === undefined || name === undefined) return reader.failure();
  for (const conflict of findVersionConflicts(complete)) reader.fail(rulesPath, conflict);
  return reader.result({ id, name, rules: complete });
}
