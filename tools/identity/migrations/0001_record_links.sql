-- Identity resolution: which resident a department record stored under an ID that does not
-- resolve belongs to. Department data is never rewritten: a link maps the department's
-- stored ID to a resident, and the department's subgraph reads the record under that ID.

-- Every resident the matcher found a record could belong to, with its grade and evidence.
-- `state` is the current decision: PENDING (in the review queue), LINKED (automatically for
-- CERTAIN, or confirmed by an officer) or REJECTED (an officer said it is not this resident).
CREATE TABLE record_candidate (
  department       text        NOT NULL,
  stored_id        text        NOT NULL,
  resident_id      char(18)    NOT NULL,
  record_reference text        NOT NULL,
  name_on_record   text,
  grade            text        NOT NULL CHECK (grade IN ('CERTAIN', 'PROBABLE', 'POSSIBLE')),
  evidence         jsonb       NOT NULL,
  reason           text        NOT NULL,
  found_at         timestamptz NOT NULL DEFAULT now(),
  state            text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'LINKED', 'REJECTED')),
  decided_by       text,
  decided_at       timestamptz,
  PRIMARY KEY (department, stored_id, resident_id),
  CHECK ((state = 'PENDING') = (decided_by IS NULL AND decided_at IS NULL))
);

-- A stored ID belongs to one person: two sessions confirming different residents for the
-- same record cannot both succeed, whatever the application does.
CREATE UNIQUE INDEX record_candidate_one_link ON record_candidate (department, stored_id) WHERE state = 'LINKED';
CREATE INDEX record_candidate_by_resident ON record_candidate (department, resident_id);

-- Every decision, in order: the automatic links of a batch run, confirmations, rejections
-- and undos, who made them and when. Only ever appended.
CREATE TABLE record_link_decision (
  seq          bigserial   PRIMARY KEY,
  department   text        NOT NULL,
  stored_id    text        NOT NULL,
  resident_id  char(18)    NOT NULL,
  action       text        NOT NULL CHECK (action IN ('AUTO_LINK', 'CONFIRM', 'REJECT', 'UNDO')),
  grade        text        NOT NULL,
  decided_by   text        NOT NULL,
  decided_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (department, stored_id, resident_id) REFERENCES record_candidate (department, stored_id, resident_id)
);

-- A batch run asks, for each certain candidate, whether an officer once undid that link.
CREATE INDEX record_link_decision_by_candidate ON record_link_decision (department, stored_id, resident_id);

CREATE FUNCTION refuse_decision_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'record_link_decision is append-only';
END;
$$;
CREATE TRIGGER record_link_decision_append_only BEFORE UPDATE OR DELETE ON record_link_decision
  FOR EACH ROW EXECUTE FUNCTION refuse_decision_change();
