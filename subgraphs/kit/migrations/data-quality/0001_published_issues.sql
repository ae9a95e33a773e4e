-- The data-quality index: what each department publishes of the issues its records raise,
-- so that public security answers Resident.dataQualityIssues without a second wave of fetches.
-- A department replaces its own rows whole (subgraph-kit publishDataQuality).

-- One row per department: when it last published, and what each audience may see of its issues.
CREATE TABLE publication (
  department text PRIMARY KEY,
  views jsonb NOT NULL,
  issue_count integer NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE issue (
  department text NOT NULL REFERENCES publication (department) ON DELETE CASCADE,
  citizen_id text NOT NULL,
  -- The issue's place among the department's issues on this resident, as its lookups list them.
  ordinal integer NOT NULL,
  kind text NOT NULL,
  stored_id text NOT NULL,
  record_reference text NOT NULL,
  name_on_record text,
  -- For records identity resolution linked or left for review: how sure, and by which rule.
  grade text,
  reason text,
  PRIMARY KEY (department, citizen_id, ordinal)
);

CREATE INDEX issue_citizen_id_idx ON issue (citizen_id);
