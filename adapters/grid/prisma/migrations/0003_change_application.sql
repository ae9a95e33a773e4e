-- Reported changes (issue 14) the street's grid office applied to this database: each
-- delivery's idempotency key with the outcome first given, written in the same
-- transaction as the change itself, so the same key again changes nothing and is
-- answered alike, however often the delivery is retried.
CREATE TABLE change_application (
  idempotency_key  text PRIMARY KEY,
  kind             text NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('ACCEPTED', 'REJECTED')),
  -- The grid office's reason for a rejection; NULL when accepted.
  reason           text CHECK ((outcome = 'REJECTED') = (reason IS NOT NULL)),
  applied_at       timestamptz NOT NULL DEFAULT now()
);
