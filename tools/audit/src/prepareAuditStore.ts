import path from 'node:path';
import { migrateDatabase } from '@resident-graph/adapter-kit';
import { assertSchemaName, DEFAULT_SCHEMA } from './defaultSchema';

export interface PrepareAuditStoreOptions {
  databaseUrl: string;
  /** @default 'audit' */
  schema?: string;
}

const MIGRATIONS = path.join(__dirname, '..', 'prisma', 'migrations');

/** Creates the schema and applies the migrations not yet applied; safe on every start, by several services at once. */
export async function prepareAuditStore({ databaseUrl, schema = DEFAULT_SCHEMA }: PrepareAuditStoreOptions): Promise<string[]> {
  assertSchemaName(schema);
  return migrateDatabase({ databaseUrl, schema, migrationsDir: MIGRATIONS, lockName: `resident-graph audit migrations ${schema}` });
}
