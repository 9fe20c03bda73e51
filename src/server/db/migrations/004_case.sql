-- Citizens, their cases, the events deadlines are counted from, the case's history of
-- visitation, track and caseworker, and each case's materialised deadlines.

CREATE TABLE citizen (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  -- Shown to analysts and in experiment data instead of name and CPR number.
  pseudonym text NOT NULL,
  -- AES-256-GCM; found by the keyed hash, shown as the mask. Never stored in plain text.
  cpr_ciphertext text NOT NULL,
  cpr_lookup text NOT NULL,
  cpr_masked text NOT NULL CHECK (cpr_masked ~ '^[0-9]{6}-xxxx$'),
  birth_date date NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address text CHECK (length(address) <= 300),
  phone text CHECK (length(phone) <= 40),
  email text CHECK (length(email) <= 320),
  contact_channel text NOT NULL DEFAULT 'phone' CHECK (contact_channel IN ('phone', 'sms', 'email', 'letter', 'digital_post')),
  language text NOT NULL DEFAULT 'da' CHECK (language ~ '^[a-z]{2,3}$'),
  interpreter_needed boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, cpr_lookup),
  UNIQUE (municipality_id, pseudonym)
);

-- A citizen who logs in is linked to their citizen record.
ALTER TABLE app_user ADD COLUMN citizen_id uuid;
ALTER TABLE app_user ADD FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id);

CREATE TABLE citizen_case (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_number text NOT NULL,
  citizen_id uuid NOT NULL,
  team_id uuid,
  caseworker_id uuid,
  benefit text NOT NULL CHECK (benefit IN ('cash_benefit', 'education_benefit', 'self_support_benefit', 'resource_course_benefit', 'sickness_benefit', 'other')),
  benefit_start date NOT NULL,
  registered date NOT NULL,
  category text CHECK (category IN ('job_ready', 'activity_ready')),
  category_reason text,
  track text CHECK (track IN ('near_job_ready', 'step_up', 'rehab_team')),
  track_reason text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on date,
  -- The day case_deadline was last computed for this case.
  deadlines_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, case_number),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, caseworker_id) REFERENCES app_user (municipality_id, id),
  CHECK (track IS NULL OR category = 'activity_ready')
);
CREATE UNIQUE INDEX citizen_case_one_open ON citizen_case (municipality_id, citizen_id) WHERE status = 'open';
CREATE INDEX citizen_case_caseworker ON citizen_case (municipality_id, caseworker_id) WHERE status = 'open';
CREATE INDEX citizen_case_team ON citizen_case (municipality_id, team_id) WHERE status = 'open';
CREATE INDEX citizen_case_deadlines_on ON citizen_case (deadlines_on) WHERE status = 'open';

-- Numbers cases per municipality and year without gaps from concurrent registrations.
CREATE TABLE case_number_counter (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (municipality_id, year)
);

-- What happened on a case that deadlines count from. Corrections void an event; nothing
-- a person entered is deleted.
CREATE TABLE case_event (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('conversation', 'resource_conversation', 'activity', 'mentor', 'company_consultant_contact', 'rehab_team_referral')),
  date date NOT NULL,
  end_date date,
  held boolean,
  mode text CHECK (mode IN ('jobcentre', 'home', 'phone', 'video', 'elsewhere')),
  cancelled_by text CHECK (cancelled_by IN ('citizen', 'caseworker', 'other')),
  kind text,
  note text CHECK (length(note) <= 4000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES citizen_case (municipality_id, id),
  CHECK ((type IN ('conversation', 'resource_conversation')) = (held IS NOT NULL)),
  CHECK (type = 'activity' OR kind IS NULL),
  CHECK (end_date IS NULL OR end_date >= date)
);
CREATE INDEX case_event_case ON case_event (municipality_id, case_id, date);

-- The history of the case itself: registration, visitation, track, caseworker, closing.
CREATE TABLE case_change (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('registered', 'category', 'track', 'reassigned', 'closed', 'note', 'break_glass')),
  from_value text,
  to_value text,
  reason text CHECK (length(reason) <= 4000),
  actor_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES citizen_case (municipality_id, id)
);
CREATE INDEX case_change_case ON case_change (municipality_id, case_id, occurred_at);

-- The rule engine's verdict per case and rule, kept current when the case changes and
-- re-evaluated daily, so a work queue is one index range scan. Whether an unmet deadline
-- is open or overdue is decided when read, against the day it is read.
CREATE TABLE case_deadline (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  rule text NOT NULL,
  caseworker_id uuid,
  team_id uuid,
  track text,
  due date NOT NULL,
  met_on date,
  late boolean NOT NULL DEFAULT false,
  title text NOT NULL,
  title_en text NOT NULL,
  basis text NOT NULL,
  explanation text NOT NULL,
  explanation_en text NOT NULL,
  evaluated_on date NOT NULL,
  PRIMARY KEY (municipality_id, case_id, rule),
  FOREIGN KEY (municipality_id, case_id) REFERENCES citizen_case (municipality_id, id)
);
CREATE INDEX case_deadline_caseworker_queue ON case_deadline (municipality_id, caseworker_id, due) WHERE met_on IS NULL;
CREATE INDEX case_deadline_team_queue ON case_deadline (municipality_id, team_id, due) WHERE met_on IS NULL;

-- Reading a case outside one's scope ("break the glass"): a written reason, time-limited,
-- audit-logged and shown to the team leader of the case's team.
CREATE TABLE case_access_grant (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  user_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES citizen_case (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX case_access_grant_user ON case_access_grant (municipality_id, user_id, expires_at);

-- Which rule sets judge a municipality's cases, and its own local rule sets (rules are data).
CREATE TABLE municipality_rules (
  municipality_id uuid PRIMARY KEY REFERENCES municipality (id),
  rule_set_ids text[] NOT NULL,
  local_rule_sets jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1
);
