-- Records that name their resident in another script (traditional characters, full-width
-- forms): the name differs as keyed but agrees once folded. Found by the batch run for
-- records that resolve as stored, held against that resident, or else against their best
-- candidate; shown as NAME_VARIANT.
CREATE TABLE name_variant (
  department       text        NOT NULL,
  stored_id        text        NOT NULL,
  resident_id      char(18)    NOT NULL,
  record_reference text        NOT NULL,
  name_on_record   text        NOT NULL,
  registered_name  text        NOT NULL,
  found_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (department, stored_id, resident_id)
);
CREATE INDEX name_variant_by_resident ON name_variant (department, resident_id);
