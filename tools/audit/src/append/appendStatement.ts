/**
 * One INSERT that takes the chain head's row lock, numbers the entry head + 1, links it to
 * the head's hash and hashes it as `chainHash` does. Being a single statement, the lock is
 * held for microseconds and never by a client that has gone away mid-transaction; the
 * insert trigger then checks the link and moves the head.
 *
 * Parameters: $1 content digest, $2 recorded at (ISO 8601), $3 request id, $4 operation id,
 * $5 subgraph, $6 subject, $7 role, $8 department, $9 purpose code, $10 purpose reference,
 * $11 resident ids, $12 fields, $13 outcome.
 */
export const appendStatement = (schema: string): string => `
  INSERT INTO "${schema}".audit_entry (seq, recorded_at, request_id, operation_id, subgraph, subject, role, department,
    purpose_code, purpose_reference, resident_ids, fields, outcome, prev_hash, hash)
  SELECT head.seq + 1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12::text[], $13, head.hash,
    encode(sha256(convert_to($1::text || ':' || (head.seq + 1) || ':' || head.hash, 'UTF8')), 'hex')
  FROM "${schema}".audit_chain_head AS head
  FOR UPDATE OF head
  RETURNING seq, prev_hash, hash`;
