-- The audit trail, in the schema on the search path. The chain's rules live here, in the
-- database itself, so that no client (nor a bug in one) can bend them without a
-- superuser disabling the triggers — which the verifier then catches.

-- The chain head: the last entry's sequence and hash, one row, starting at the genesis.
CREATE TABLE audit_chain_head (
  id   boolean  PRIMARY KEY DEFAULT true CHECK (id),
  seq  bigint   NOT NULL,
  hash char(64) NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (true, 0, repeat('0', 64));
COMMENT ON TABLE audit_chain_head IS 'The audit chain''s head: moved only by an appended entry';

CREATE TABLE audit_entry (
  seq               bigint         PRIMARY KEY CHECK (seq > 0),
  recorded_at       timestamptz(3) NOT NULL,
  request_id        text           NOT NULL,
  operation_id      text,
  subgraph          text           NOT NULL,
  subject           text           NOT NULL,
  role              text           NOT NULL,
  department        text,
  purpose_code      text,
  purpose_reference text,
  resident_ids      text[]         NOT NULL,
  fields            text[]         NOT NULL,
  outcome           text           NOT NULL CHECK (outcome IN ('SERVED', 'REFUSED')),
  prev_hash         char(64)       NOT NULL,
  hash              char(64)       NOT NULL,
  CONSTRAINT audit_entry_hash_key UNIQUE (hash),
  -- A hash is the previous hash of at most one entry: the chain cannot fork.
  CONSTRAINT audit_entry_prev_hash_key UNIQUE (prev_hash)
);
-- accessLog: "who read this resident" is an array containment query.
CREATE INDEX audit_entry_resident_ids_idx ON audit_entry USING gin (resident_ids);
COMMENT ON TABLE audit_entry IS 'Access to personal data, one entry per subgraph request, append-only and hash-chained';

-- An entry must extend the head: sequence head + 1 (no gaps, no duplicates) and the head's
-- hash as its previous hash. The head moves with it in the same transaction.
-- SET search_path FROM CURRENT pins the function to this schema whatever the caller's path.
CREATE FUNCTION audit_entry_extend_chain() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  SELECT * INTO head FROM audit_chain_head FOR UPDATE;
  IF NEW.seq <> head.seq + 1 OR NEW.prev_hash <> head.hash THEN
    RAISE EXCEPTION 'audit entry % does not extend the chain head %', NEW.seq, head.seq
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_entry_extend_chain BEFORE INSERT ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_extend_chain();

CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The head moves only from inside audit_entry_extend_chain (trigger depth 2).
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit chain head moves only with an appended entry: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
