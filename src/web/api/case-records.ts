// The case API's records as the app reads them, with parsers that reject an unexpected shape.
import {
  boolean,
  integer,
  list,
  object,
  oneOf,
  oneOfOrNull,
  personOrNull,
  text,
  textOrNull,
  type PersonRef,
} from './json.js';
import { CATEGORIES, DEADLINE_STATUSES, TRACKS, type Category, type DeadlineStatus, type Track } from './vocabulary.js';

export interface Deadline {
  rule: string;
  title: string;
  title_en: string;
  due: string;
  status: DeadlineStatus;
  met_on: string | null;
  basis: string;
  explanation: string;
  explanation_en: string;
}

export interface Citizen {
  id: string;
  name: string;
  cpr_masked: string;
  birth_date: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  contact_channel: string;
  language: string;
  interpreter_needed: boolean;
  version: number;
}

/** What the caller may do with the case; the UI shows only the buttons that work. */
export interface CaseAccess {
  write: boolean;
  reassign: boolean;
  via_grant: boolean;
}

export interface CaseDetail {
  id: string;
  case_number: string;
  status: string;
  registered: string;
  benefit: string;
  benefit_start: string;
  category: Category | null;
  category_reason: string | null;
  track: Track | null;
  track_reason: string | null;
  version: number;
  caseworker: PersonRef | null;
  team: { id: string; name: string; caseload_cap: number } | null;
  citizen: Citizen;
  access: CaseAccess;
  deadlines: Deadline[];
}

export interface CaseSummary {
  id: string;
  case_number: string;
  status: string;
  citizen_name: string;
  cpr_masked: string;
  category: string | null;
  track: string | null;
  registered: string;
  caseworker: PersonRef | null;
}

export interface TimelineItem {
  id: string;
  source: 'event' | 'change';
  type: string;
  date: string;
  at: string;
  actor: PersonRef | null;
  details: Readonly<Record<string, string | boolean | null>>;
  voided: boolean;
  version: number;
}

export interface ContactPerson {
  id: string;
  name: string;
  roles: string[];
}

export function parseDeadline(value: unknown): Deadline {
  const d = object(value, 'deadline');
  return {
    rule: text(d, 'rule'),
    title: text(d, 'title'),
    title_en: text(d, 'title_en'),
    due: text(d, 'due'),
    status: oneOf(d, 'status', DEADLINE_STATUSES),
    met_on: textOrNull(d, 'met_on'),
    basis: text(d, 'basis'),
    explanation: text(d, 'explanation'),
    explanation_en: text(d, 'explanation_en'),
  };
}

function parseCitizen(value: unknown): Citizen {
  const c = object(value, 'citizen');
  return {
    id: text(c, 'id'),
    name: text(c, 'name'),
    cpr_masked: text(c, 'cpr_masked'),
    birth_date: text(c, 'birth_date'),
    address: textOrNull(c, 'address'),
    phone: textOrNull(c, 'phone'),
    email: textOrNull(c, 'email'),
    contact_channel: text(c, 'contact_channel'),
    language: text(c, 'language'),
    interpreter_needed: boolean(c, 'interpreter_needed'),
    version: integer(c, 'version'),
  };
}

export function parseCase(json: unknown): CaseDetail {
  const c = object(json, 'case');
  const access = object(c.access, 'access');
  const team = c.team === null || c.team === undefined ? null : object(c.team, 'team');
  return {
    id: text(c, 'id'),
    case_number: text(c, 'case_number'),
    status: text(c, 'status'),
    registered: text(c, 'registered'),
    benefit: text(c, 'benefit'),
    benefit_start: text(c, 'benefit_start'),
    category: oneOfOrNull(c, 'category', CATEGORIES),
    category_reason: textOrNull(c, 'category_reason'),
    track: oneOfOrNull(c, 'track', TRACKS),
    track_reason: textOrNull(c, 'track_reason'),
    version: integer(c, 'version'),
    caseworker: personOrNull(c.caseworker),
    team: team === null ? null : { id: text(team, 'id'), name: text(team, 'name'), caseload_cap: integer(team, 'caseload_cap') },
    citizen: parseCitizen(c.citizen),
    access: { write: boolean(access, 'write'), reassign: boolean(access, 'reassign'), via_grant: boolean(access, 'via_grant') },
    deadlines: list(c.deadlines, 'deadlines', parseDeadline),
  };
}

export function parseSummary(value: unknown): CaseSummary {
  const c = object(value, 'case');
  return {
    id: text(c, 'id'),
    case_number: text(c, 'case_number'),
    status: text(c, 'status'),
    citizen_name: text(c, 'citizen_name'),
    cpr_masked: text(c, 'cpr_masked'),
    category: textOrNull(c, 'category'),
    track: textOrNull(c, 'track'),
    registered: text(c, 'registered'),
    caseworker: personOrNull(c.caseworker),
  };
}

function parseDetails(value: unknown): Record<string, string | boolean | null> {
  const details = object(value, 'details');
  const out: Record<string, string | boolean | null> = {};
  for (const [key, entry] of Object.entries(details)) {
    if (entry === null || typeof entry === 'string' || typeof entry === 'boolean') out[key] = entry;
  }
  return out;
}

export function parseTimelineItem(value: unknown): TimelineItem {
  const item = object(value, 'timeline item');
  return {
    id: text(item, 'id'),
    source: oneOf(item, 'source', ['event', 'change'] as const),
    type: text(item, 'type'),
    date: text(item, 'date'),
    at: text(item, 'at'),
    actor: personOrNull(item.actor),
    details: parseDetails(item.details),
    voided: boolean(item, 'voided'),
    version: integer(item, 'version'),
  };
}

export function parseContactPerson(value: unknown): ContactPerson {
  const person = object(value, 'contact person');
  return { id: text(person, 'id'), name: text(person, 'name'), roles: list(person.roles, 'roles', (role) => String(role)) };
}
