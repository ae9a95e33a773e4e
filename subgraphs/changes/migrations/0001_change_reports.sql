-- Reported changes and their deliveries: the outbox. A report, one delivery per department
-- CHANGE_RULES names for its kind, and the queue's jobs are written in one transaction, so
-- a report is either wholly queued or not at all.

CREATE TABLE change_report (
  id uuid PRIMARY KEY,
  -- The order reports were stored in (reported_at may tie): a divorce counts only after the marriage it ends.
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  kind text NOT NULL,
  -- Whom it is about; null for a birth, which names the mother in facts.
  resident_id text,
  occurred_on date NOT NULL,
  -- The whole ReportedChange exactly as delivered (kind, resident, date and its one member).
  change jsonb NOT NULL,
  -- Who reported it, as the gateway verified them, and why.
  reporter jsonb NOT NULL,
  purpose_code text NOT NULL,
  purpose_reference text,
  -- Where the change is, for jurisdiction on reads: the subject's place (a move in: the grid moved into).
  grid_id text,
  community_id text,
  reported_at timestamptz NOT NULL
);

-- The residents a report names (subject, spouse, parents): what the death and marriage rules look up.
CREATE TABLE change_party (
  report_id uuid NOT NULL REFERENCES change_report (id),
  resident_id text NOT NULL,
  PRIMARY KEY (report_id, resident_id)
);
CREATE INDEX change_party_resident ON change_party (resident_id);

CREATE TABLE change_delivery (
  -- The idempotency key the department keeps: every retry of a delivery carries it.
  id uuid PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES change_report (id),
  department text NOT NULL,
  -- Its place in CHANGE_RULES' list for the kind: the order a report shows its deliveries in.
  position int NOT NULL,
  action text NOT NULL,
  state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'ACCEPTED', 'REJECTED')),
  reason text,
  attempts int NOT NULL DEFAULT 0,
  last_error text,
  due_by timestamptz NOT NULL,
  delivered_at timestamptz,
  decided_at timestamptz,
  UNIQUE (report_id, department)
);
CREATE INDEX change_delivery_open ON change_delivery (department, due_by) WHERE state IN ('PENDING', 'DELIVERED');
