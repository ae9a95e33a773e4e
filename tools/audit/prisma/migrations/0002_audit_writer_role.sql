-- The role the services append to and read the trail as: it may INSERT and SELECT entries
-- and nothing else. UPDATE, DELETE and TRUNCATE of an entry, or a move of the chain head,
-- are refused by privilege ("permission denied"), before any trigger; the triggers of 0001
-- still refuse them to everyone else, the owner included, unless a superuser turns them off.
-- Roles belong to the whole server, so the role is made once and granted per trail schema.
-- Where the migrations run without CREATEROLE, a DBA makes the role first and it is only granted.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'resident_graph_audit_writer') THEN
    CREATE ROLE resident_graph_audit_writer LOGIN;
    COMMENT ON ROLE resident_graph_audit_writer IS 'Resident Graph services: append to and read the audit trail, nothing else';
  END IF;
EXCEPTION
  -- Made already, by an earlier migration of another schema or by one running just now.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO resident_graph_audit_writer', current_schema());
END
$$;
GRANT SELECT, INSERT ON audit_entry TO resident_graph_audit_writer;
-- An append locks the head's row (SELECT … FOR UPDATE needs UPDATE on some column): only on
-- `id`, which its CHECK keeps true and the head's guard trigger keeps still. The head's
-- sequence and hash move inside the insert trigger, which runs as its owner.
GRANT SELECT, UPDATE (id) ON audit_chain_head TO resident_graph_audit_writer;
ALTER FUNCTION audit_entry_extend_chain() SECURITY DEFINER;
