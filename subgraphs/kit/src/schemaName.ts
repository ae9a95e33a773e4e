const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A schema name safe to quote into SQL; a RangeError naming `what` otherwise. */
export function plainSchemaName(what: string, schema: string): string {
  if (!PLAIN_IDENTIFIER.test(schema)) throw new RangeError(`${what} schema must be a plain identifier, got ${JSON.stringify(schema)}`);
  return schema;
}
