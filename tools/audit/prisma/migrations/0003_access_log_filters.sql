-- accessLog filters by the caller (subject) and by when an entry was recorded, newest
-- first. The subject's index carries the sequence, so one caller's entries come in page
-- order without a sort; the time index answers a date range over the whole trail.
CREATE INDEX audit_entry_subject_seq_idx ON audit_entry (subject, seq DESC);
CREATE INDEX audit_entry_recorded_at_idx ON audit_entry (recorded_at);
