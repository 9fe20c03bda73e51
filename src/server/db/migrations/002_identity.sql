-- Staff users and citizens who log in, their roles, teams and sessions.
CREATE TABLE app_user (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('staff', 'citizen')),
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash text,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id)
);
-- Login is by e-mail across municipalities. Under Citus this index moves to a reference
-- table (email → municipality_id, id); on one server it is a plain unique index.
CREATE UNIQUE INDEX app_user_email ON app_user (email);

CREATE TABLE user_role (
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('caseworker', 'company_consultant', 'team_leader', 'analyst', 'finance', 'municipality_admin', 'citizen')),
  PRIMARY KEY (municipality_id, user_id, role),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id)
);

CREATE TABLE team (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  leader_id uuid,
  caseload_cap integer NOT NULL DEFAULT 15 CHECK (caseload_cap BETWEEN 1 AND 500),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, leader_id) REFERENCES app_user (municipality_id, id)
);

CREATE TABLE team_member (
  municipality_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, team_id, user_id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id)
);

-- The cookie carries municipality id and a random token; only the token's SHA-256 is stored,
-- so a copy of the database does not yield live sessions.
CREATE TABLE user_session (
  municipality_id uuid NOT NULL,
  token_hash text NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  PRIMARY KEY (municipality_id, token_hash),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX user_session_user ON user_session (municipality_id, user_id);
