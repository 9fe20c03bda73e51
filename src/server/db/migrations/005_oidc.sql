-- OpenID Connect login: the identity providers each municipality trusts (its own IdP for staff,
-- a MitID broker for citizens), the logins under way, and the link from a user to a subject.
-- How to configure a provider: docs/oidc.md.

-- Written by operators, read at every OpenID login. The client secret itself is never stored:
-- the row names the environment variable holding it, and only MEDSPILLER_OIDC_* names are
-- accepted so that a row can never make the server send another secret (a database URL, the
-- CPR key) to an identity provider. Login URLs carry the provider id alone, hence the unique
-- index on id; under Citus this small table becomes a reference table.
CREATE TABLE oidc_provider (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  audience text NOT NULL CHECK (audience IN ('staff', 'citizen')),
  -- Shown on the login button, e.g. 'Log ind med MitID'.
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  -- TLS is required, except for an identity provider on the same machine (development, tests).
  issuer text NOT NULL CHECK (issuer ~ '^https://[^/?#]+' OR issuer ~ '^http://(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?(/|$)'),
  client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 255),
  -- NULL for a public client, which proves itself with PKCE alone.
  client_secret_env text CHECK (client_secret_env ~ '^MEDSPILLER_OIDC_[A-Z0-9_]{1,64}$'),
  scopes text NOT NULL DEFAULT 'openid' CHECK (scopes ~ '^([A-Za-z0-9_.:/-]+ )*[A-Za-z0-9_.:/-]+$' AND scopes ~ '(^| )openid( |$)'),
  -- Claim mapping. subject_claim is matched against app_user.oidc_subject (both audiences);
  -- email_claim against app_user.email (staff only: a MitID broker vouches for no e-mail);
  -- cpr_claim against the citizen's CPR number by its keyed hash (citizens only).
  subject_claim text NOT NULL DEFAULT 'sub' CHECK (subject_claim ~ '^[A-Za-z0-9_.:/-]{1,200}$'),
  email_claim text CHECK (email_claim ~ '^[A-Za-z0-9_.:/-]{1,200}$'),
  cpr_claim text CHECK (cpr_claim ~ '^[A-Za-z0-9_.:/-]{1,200}$'),
  enabled boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK (audience = 'staff' OR email_claim IS NULL),
  CHECK (audience = 'citizen' OR cpr_claim IS NULL)
);
CREATE UNIQUE INDEX oidc_provider_id ON oidc_provider (id);

-- A login under way, between the redirect to the identity provider and its callback. The
-- browser holds a random key in an HttpOnly cookie; only the key's SHA-256 is stored, beside
-- the state, nonce and PKCE verifier the callback checks. A row is used once (deleted when
-- read) and lives ten minutes, so a callback works only in the browser that started it.
CREATE TABLE oidc_login_state (
  municipality_id uuid NOT NULL,
  key_hash text NOT NULL,
  provider_id uuid NOT NULL,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, key_hash),
  FOREIGN KEY (municipality_id, provider_id) REFERENCES oidc_provider (municipality_id, id)
);
CREATE INDEX oidc_login_state_expires ON oidc_login_state (municipality_id, expires_at);

-- The identity provider's stable id for a user (the subject_claim value), set by an operator;
-- unique within a municipality.
ALTER TABLE app_user ADD COLUMN oidc_subject text CHECK (length(oidc_subject) BETWEEN 1 AND 255);
CREATE UNIQUE INDEX app_user_oidc_subject ON app_user (municipality_id, oidc_subject) WHERE oidc_subject IS NOT NULL;
