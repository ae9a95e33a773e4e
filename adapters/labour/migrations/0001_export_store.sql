-- The nightly exports ingested, one generation each. A generation's tables
-- (card_<generation>, typo_candidate_<generation>) are written by the adapter, then the views
-- card and typo_candidate are switched to them together with export_in_use.
CREATE SEQUENCE export_generation;

CREATE TABLE export_ingested (
  generation integer PRIMARY KEY,
  file text NOT NULL,
  row_count integer NOT NULL,
  card_count integer NOT NULL,
  malformed_row_count integer NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now()
);

-- One row: the generation lookups read.
CREATE TABLE export_in_use (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  generation integer NOT NULL REFERENCES export_ingested
);
