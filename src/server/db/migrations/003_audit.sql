-- The audit log: who read or changed a citizen's personal data, when and why. Append-only
-- (UPDATE, DELETE and TRUNCATE are refused by the database itself) and hash-chained per
-- municipality: each event's hash covers the previous event's hash and its own canonical form.
CREATE TABLE audit_event (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  seq bigint NOT NULL CHECK (seq >= 1),
  occurred_at timestamptz NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  citizen_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  purpose text NOT NULL,
  request_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (municipality_id, seq)
);
CREATE INDEX audit_event_citizen ON audit_event (municipality_id, citizen_id, seq DESC);
CREATE INDEX audit_event_actor ON audit_event (municipality_id, actor_id, seq DESC);

-- The newest link of each chain; its row lock serialises appends within a municipality.
CREATE TABLE audit_head (
  municipality_id uuid PRIMARY KEY REFERENCES municipality (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
