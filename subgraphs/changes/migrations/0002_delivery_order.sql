-- One resident's changes reach a department in the order they were reported: a delivery goes
-- to the queue only once no earlier report (by seq) naming one of the same residents has an
-- undecided delivery to the same department. Until then it has no job at all; the
-- transaction that records the earlier one's decision queues it.

-- When the delivery was handed to the queue; null while it is held behind an earlier one.
ALTER TABLE change_delivery ADD COLUMN queued_at timestamptz;

-- Every delivery stored before went to the queue with its report.
UPDATE change_delivery d SET queued_at = r.reported_at FROM change_report r WHERE r.id = d.report_id;

CREATE INDEX change_delivery_held ON change_delivery (department, report_id) WHERE queued_at IS NULL;
