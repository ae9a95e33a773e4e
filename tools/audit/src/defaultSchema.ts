/** The PostgreSQL schema that holds the audit trail unless told otherwise. */
export const DEFAULT_SCHEMA = 'audit';

/** A plain identifier: the schema name is written into SQL, so nothing else gets through. */
export const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new RangeError(`audit schema name must be a plain identifier, got ${JSON.stringify(schema)}`);
  return schema;
}
