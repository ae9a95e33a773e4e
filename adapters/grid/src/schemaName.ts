/** The PostgreSQL schema holding the grid database unless told otherwise. */
export const DEFAULT_SCHEMA = 'grid';

const SAFE_SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The schema name is spliced into SQL as an identifier (it cannot be a bind parameter),
 * so only plain identifiers are accepted.
 */
export function checkSchemaName(schema: string): string {
  if (!SAFE_SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a plain schema name (letters, digits, _)`);
  return schema;
}
