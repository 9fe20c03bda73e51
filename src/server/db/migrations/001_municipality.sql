-- Municipalities are the tenants. Every other tenant table leads its primary key with
-- municipality_id, the distribution column when sharded (see docs/data-model.md).
CREATE TABLE municipality (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{3,4}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
