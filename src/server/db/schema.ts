import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../core/access/roles.js';
import type {
  ActivityKind,
  Benefit,
  CancelledBy,
  CaseStatus,
  CloseReason,
  Category,
  ChangeKind,
  ContactChannel,
  EndReason,
  EventType,
  ExperimentStatus,
  Mode,
  PeriodSource,
  PeriodStatus,
  Track,
  UserKind,
  WeekStatus,
} from '../../core/vocabulary.js';

// Table types for Kysely. Every tenant table leads its primary key with municipality_id
// (the distribution column when sharded with Citus): see docs/data-model.md. Columns that a
// CHECK limits to a list carry core's type of that list (test/integration/vocabulary.test.ts
// holds the CHECKs to the same lists), so a value's type runs unbroken from row to browser.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface MunicipalityTable {
  id: string;
  name: string;
  /** Four-digit municipality code (kommunekode), e.g. 0390 Vordingborg. */
  code: string;
  created_at: Generated<Date>;
}

export interface AppUserTable {
  municipality_id: string;
  id: string;
  kind: UserKind;
  email: string;
  name: string;
  password_hash: string | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  citizen_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface UserRoleTable {
  municipality_id: string;
  user_id: string;
  role: Role;
}

export interface TeamTable {
  municipality_id: string;
  id: string;
  name: string;
  leader_id: string | null;
  caseload_cap: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface TeamMemberTable {
  municipality_id: string;
  team_id: string;
  user_id: string;
}

export interface UserSessionTable {
  municipality_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface AuditEventTable {
  municipality_id: string;
  seq: number;
  occurred_at: Date;
  actor_id: string;
  actor_role: string;
  citizen_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  purpose: string;
  request_id: string;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  municipality_id: string;
  seq: number;
  hash: string;
}

export interface CitizenTable {
  municipality_id: string;
  id: string;
  pseudonym: string;
  cpr_ciphertext: string;
  cpr_lookup: string;
  cpr_masked: string;
  birth_date: string;
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  contact_channel: ContactChannel;
  language: string;
  interpreter_needed: boolean;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface CitizenCaseTable {
  municipality_id: string;
  id: string;
  case_number: string;
  citizen_id: string;
  team_id: string | null;
  caseworker_id: string | null;
  benefit: Benefit;
  benefit_start: string;
  registered: string;
  category: Category | null;
  category_reason: string | null;
  track: Track | null;
  track_reason: string | null;
  status: Generated<CaseStatus>;
  closed_on: string | null;
  close_reason: CloseReason | null;
  close_reason_text: string | null;
  deadlines_on: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface CaseNumberCounterTable {
  municipality_id: string;
  year: number;
  last: number;
}

export interface CaseEventTable {
  municipality_id: string;
  id: string;
  case_id: string;
  type: EventType;
  date: string;
  end_date: string | null;
  held: boolean | null;
  mode: Mode | null;
  cancelled_by: CancelledBy | null;
  kind: ActivityKind | null;
  note: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
  voided_at: Date | null;
  voided_by: string | null;
  void_reason: string | null;
  version: Generated<number>;
}

export interface CaseChangeTable {
  municipality_id: string;
  id: string;
  case_id: string;
  kind: ChangeKind;
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
  actor_id: string;
  occurred_at: Generated<Date>;
}

export interface CaseDeadlineTable {
  municipality_id: string;
  case_id: string;
  rule: string;
  caseworker_id: string | null;
  team_id: string | null;
  track: Track | null;
  due: string;
  met_on: string | null;
  late: boolean;
  title: string;
  title_en: string;
  basis: string;
  explanation: string;
  explanation_en: string;
  evaluated_on: string;
}

export interface CaseAccessGrantTable {
  municipality_id: string;
  id: string;
  case_id: string;
  user_id: string;
  reason: string;
  granted_at: Generated<Date>;
  expires_at: Date;
}

export interface MunicipalityRulesTable {
  municipality_id: string;
  rule_set_ids: string[];
  local_rule_sets: ColumnType<unknown[], string, string>;
  version: Generated<number>;
}

type Json<T> = ColumnType<T, string, string>;

export interface ExperimentTable {
  municipality_id: string;
  id: string;
  status: Generated<ExperimentStatus>;
  design: Json<unknown>;
  design_version: Generated<number>;
  design_hash: string | null;
  locked_at: Date | null;
  seed_id: string | null;
  created_by: string;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface ExperimentDesignTable {
  municipality_id: string;
  experiment_id: string;
  design_version: number;
  design: Json<unknown>;
  design_hash: string;
  locked_at: Date;
  locked_by: string;
}

export interface ExperimentSeedTable {
  municipality_id: string;
  experiment_id: string;
  seed_id: string;
  seed: string;
}

export interface EnrolmentTable {
  municipality_id: string;
  experiment_id: string;
  citizen_id: string;
  case_id: string;
  stratum: string;
  position: number;
  arm: string;
  block: number;
  enrolled_on: string;
  consent: boolean;
  enrolled_by: string;
  enrolled_at: Generated<Date>;
  age: number;
  benefit_years: ColumnType<string, number, number>;
  ended_on: string | null;
  end_reason: EndReason | null;
}

export interface StatusPeriodTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  case_id: string;
  status: PeriodStatus;
  start_date: string;
  end_date: string | null;
  source: PeriodSource;
  note: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
  voided_at: Date | null;
  voided_by: string | null;
  void_reason: string | null;
  version: Generated<number>;
}

export interface WeeklyStatusTable {
  municipality_id: string;
  experiment_id: string;
  citizen_id: string;
  week: number;
  status: WeekStatus;
  imported_at: Generated<Date>;
}

export interface Database {
  schema_migrations: SchemaMigrationTable;
  municipality: MunicipalityTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  citizen: CitizenTable;
  citizen_case: CitizenCaseTable;
  case_number_counter: CaseNumberCounterTable;
  case_event: CaseEventTable;
  case_change: CaseChangeTable;
  case_deadline: CaseDeadlineTable;
  case_access_grant: CaseAccessGrantTable;
  municipality_rules: MunicipalityRulesTable;
  experiment: ExperimentTable;
  experiment_design: ExperimentDesignTable;
  experiment_seed: ExperimentSeedTable;
  enrolment: EnrolmentTable;
  status_period: StatusPeriodTable;
  weekly_status: WeeklyStatusTable;
}

// OpenID Connect login (migration 005). The interfaces below merge with the declarations
// above: the migration adds a column to app_user and two tables to the database.

/** A nullable text column that may be left out on insert. */
type OptionalText = ColumnType<string | null, string | null | undefined, string | null>;

export interface AppUserTable {
  /** The identity provider's stable id for this user; see oidc_provider.subject_claim. */
  oidc_subject: OptionalText;
}

export interface OidcProviderTable {
  municipality_id: string;
  id: string;
  audience: UserKind;
  label: string;
  issuer: string;
  client_id: string;
  /** Name of the environment variable holding the client secret (MEDSPILLER_OIDC_*); null for a public client. */
  client_secret_env: OptionalText;
  /** Space-separated, always including openid. */
  scopes: Generated<string>;
  subject_claim: Generated<string>;
  email_claim: OptionalText;
  cpr_claim: OptionalText;
  enabled: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface OidcLoginStateTable {
  municipality_id: string;
  key_hash: string;
  provider_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  expires_at: Timestamp;
}

export interface Database {
  oidc_provider: OidcProviderTable;
  oidc_login_state: OidcLoginStateTable;
}
