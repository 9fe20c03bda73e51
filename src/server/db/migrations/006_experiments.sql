-- Experiments (forsøg): a design locked as a pre-registration when enrolment starts,
-- concealed stratified allocation, status periods on cases and weekly outcomes.

CREATE TABLE experiment (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'enrolling', 'closed')),
  design jsonb NOT NULL,
  design_version integer NOT NULL DEFAULT 1,
  design_hash text,
  locked_at timestamptz,
  -- The identity of the allocation seed, logged with each allocation; the seed itself is
  -- in experiment_seed, which no API returns.
  seed_id uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id)
);

-- Every locked design, kept: the pre-registration an evaluation is judged against.
CREATE TABLE experiment_design (
  municipality_id uuid NOT NULL,
  experiment_id uuid NOT NULL,
  design_version integer NOT NULL,
  design jsonb NOT NULL,
  design_hash text NOT NULL,
  locked_at timestamptz NOT NULL,
  locked_by uuid NOT NULL,
  PRIMARY KEY (municipality_id, experiment_id, design_version),
  FOREIGN KEY (municipality_id, experiment_id) REFERENCES experiment (municipality_id, id)
);

CREATE TABLE experiment_seed (
  municipality_id uuid NOT NULL,
  experiment_id uuid NOT NULL,
  seed_id uuid NOT NULL,
  seed text NOT NULL,
  PRIMARY KEY (municipality_id, experiment_id),
  FOREIGN KEY (municipality_id, experiment_id) REFERENCES experiment (municipality_id, id)
);

CREATE TABLE enrolment (
  municipality_id uuid NOT NULL,
  experiment_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  case_id uuid NOT NULL,
  stratum text NOT NULL,
  -- The n-th citizen enrolled in the stratum (from 0) takes the n-th place of its allocation sequence.
  position integer NOT NULL CHECK (position >= 0),
  arm text NOT NULL,
  block integer NOT NULL,
  enrolled_on date NOT NULL,
  consent boolean NOT NULL,
  enrolled_by uuid NOT NULL,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  -- Baseline at enrolment.
  age integer NOT NULL,
  benefit_years numeric(6, 2) NOT NULL,
  ended_on date,
  end_reason text CHECK (end_reason IN ('moved', 'died', 'withdrew')),
  PRIMARY KEY (municipality_id, experiment_id, citizen_id),
  UNIQUE (municipality_id, experiment_id, stratum, position),
  FOREIGN KEY (municipality_id, experiment_id) REFERENCES experiment (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL))
);
CREATE INDEX enrolment_case ON enrolment (municipality_id, case_id);

-- What the citizen was doing from when to when: the one source of weekly outcomes.
CREATE TABLE status_period (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  case_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('active_measure', 'internship', 'subsidised_hours', 'flexjob', 'education', 'ordinary_job')),
  start_date date NOT NULL,
  end_date date,
  source text NOT NULL CHECK (source IN ('caseworker', 'activity', 'import')),
  note text CHECK (length(note) <= 2000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES citizen_case (municipality_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX status_period_citizen ON status_period (municipality_id, citizen_id, start_date);

-- Weekly statuses imported from register data; where present they take precedence over
-- the statuses derived from status periods.
CREATE TABLE weekly_status (
  municipality_id uuid NOT NULL,
  experiment_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  week integer NOT NULL CHECK (week >= 1),
  status text NOT NULL CHECK (status IN ('none', 'active_measure', 'internship', 'subsidised_hours', 'flexjob', 'education', 'ordinary_job')),
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, experiment_id, citizen_id, week),
  FOREIGN KEY (municipality_id, experiment_id, citizen_id) REFERENCES enrolment (municipality_id, experiment_id, citizen_id)
);
