import { recordsFile, testPopulation, LOOKUP_ASSERTIONS, type ProtocolTemplate } from './ProtocolTemplate';

/** A system whose database the street may read: a schema in the shared PostgreSQL, read with pg. */
export const dbProtocol: ProtocolTemplate = {
  dependencies: { pg: '^8.16.0' },
  settingsImports: ["import { z } from 'zod';"],
  settings: (n) => `{
    ${n.constant}_DATABASE_URL: z.string().min(1),
    ${n.constant}_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('${n.snake}'),
  }`,
  createAdapter: (n) =>
    `(settings, resilience) =>
    create${n.pascal}Adapter({ databaseUrl: settings.${n.constant}_DATABASE_URL, schema: settings.${n.constant}_DATABASE_SCHEMA, ...resilience })`,
  registryStandIn: (n) => `{ kind: 'database', schema: '${n.snake}', entry: 'adapters/${n.id}/src/stand-in/main.ts' }`,
  registryEnv: (n) => `({ databaseUrl, databaseSchema }) => ({ ${n.constant}_DATABASE_URL: databaseUrl, ${n.constant}_DATABASE_SCHEMA: databaseSchema })`,
  adapterFiles: (n) => ({
    ...recordsFile(n),
    ...testPopulation(),
    'migrations/0001_records.sql': `-- The ${n.en} department's records as the street reads them (replace with the real tables or a view over them).
CREATE TABLE records (
  citizen_id text PRIMARY KEY,
  reference_number text NOT NULL,
  registered_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED'))
);
`,
    [`src/create${n.pascal}Adapter.ts`]: `import { Pool } from 'pg';
import { z } from 'zod';
import { createDepartmentPolicy, type DataQualitySource, type DepartmentAdapter, type DepartmentResilience } from '@resident-graph/adapter-kit';
import { ${n.camel}RecordSchema, type ${n.pascal}Record } from './${n.pascal}Record';
import { lookupsOf } from './lookupsOf';
import { parseAnswer } from './parseAnswer';

export interface ${n.pascal}AdapterOptions extends Partial<DepartmentResilience> {
  databaseUrl: string;
  /** The department's schema in that database. */
  schema: string;
}

const rowsSchema = z.array(${n.camel}RecordSchema);

/** The ${n.en} system (${n.zh}) read from its schema in the shared PostgreSQL: one query per batch of IDs. */
export function create${n.pascal}Adapter(options: ${n.pascal}AdapterOptions): DepartmentAdapter<${n.pascal}Record> & DataQualitySource {
  const execute = createDepartmentPolicy({ ...options, department: '${n.id}' });
  const pool = new Pool({ connectionString: options.databaseUrl, max: 4 });
  const table = \`"\${options.schema}".records\`;
  let calls = 0;
  const query = (sql: string, values: unknown[] = []) =>
    execute(async () => {
      calls += 1;
      return (await pool.query(sql, values)).rows;
    });

  return {
    department: '${n.id}',
    async lookup(citizenIds) {
      if (citizenIds.length === 0) return new Map();
      const rows = await query(
        \`SELECT citizen_id AS "citizenId", reference_number AS "referenceNumber", to_char(registered_on, 'YYYY-MM-DD') AS "registeredOn", status
         FROM \${table} WHERE citizen_id = ANY($1)\`,
        [citizenIds],
      );
      return lookupsOf(citizenIds, parseAnswer(rowsSchema, rows));
    },
    callsMade: () => calls,
    // Like its lookups (\`lookupsOf\`), it reports no data-quality issues until it checks its stored IDs (docs/onboarding.md).
    issuesByResident: async () => new Map(),
    breakerState: () => execute.breakerState(),
    async checkHealth() {
      await query(\`SELECT 1 FROM \${table} LIMIT 1\`);
    },
    close: () => pool.end(),
  };
}
`,
    'src/stand-in/prepareStandIn.ts': `import path from 'node:path';
import { Pool } from 'pg';
import { inTransaction, runSqlMigrations } from '@resident-graph/adapter-kit';
import { readRecords } from './recordsFile';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

/** Migrates the department's schema and loads the generated records into it, replacing what was there. */
export async function prepareStandIn(options: { databaseUrl: string; schema: string; dataDir: string }): Promise<void> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  try {
    await runSqlMigrations(pool, options.schema, MIGRATIONS_DIR);
    const records = await readRecords(options.dataDir);
    await inTransaction(pool, async (client) => {
      await client.query(\`TRUNCATE "\${options.schema}".records\`);
      await client.query(
        \`INSERT INTO "\${options.schema}".records (citizen_id, reference_number, registered_on, status)
         SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[])\`,
        [records.map((r) => r.citizenId), records.map((r) => r.referenceNumber), records.map((r) => r.registeredOn), records.map((r) => r.status)],
      );
    });
  } finally {
    await pool.end();
  }
}
`,
    'src/stand-in/main.ts': `import { z } from 'zod';
import { createLogger, loadSettings } from '@resident-graph/service-kit';
import { prepareStandIn } from './prepareStandIn';

const logger = createLogger('stand-in-${n.id}');

/** Prepares the ${n.en} schema once (migrations, then the generated records) and exits. */
async function main(): Promise<void> {
  const settings = loadSettings('stand-in-${n.id}', {
    DATABASE_URL: z.string().min(1),
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('${n.snake}'),
    DATA_DIR: z.string().min(1),
  });
  await prepareStandIn({ databaseUrl: settings.DATABASE_URL, schema: settings.DATABASE_SCHEMA, dataDir: settings.DATA_DIR });
  logger.info({ schema: settings.DATABASE_SCHEMA }, '${n.id} database ready');
}

main().catch((error: unknown) => {
  logger.error({ err: error }, '${n.id} stand-in failed');
  process.exitCode = 1;
});
`,
    'src/stand-in/index.ts': `export { prepareStandIn } from './prepareStandIn';
export { writeStandInData } from './writeStandInData';
export { sampleRecords } from './sampleRecords';
`,
    [`tests/create${n.pascal}Adapter.test.ts`]: `import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dropTestSchema, TEST_DATABASE_URL as DATABASE_URL, testSchemaName } from '@resident-graph/test-kit';
import { create${n.pascal}Adapter } from '../src';
import { prepareStandIn, writeStandInData } from '../src/stand-in';
import { expected, population, withoutRecord } from './fixtures/population';

describe('the ${n.id} adapter against its schema in PostgreSQL', () => {
  const schema = testSchemaName('${n.snake}_test');
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), '${n.id}-'));
    await writeStandInData(population, dataDir);
    await prepareStandIn({ databaseUrl: DATABASE_URL, schema, dataDir });
  });
  afterAll(async () => {
    await dropTestSchema(schema);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers a batch of IDs in one query, with the records the generator wrote', async () => {
    const adapter = create${n.pascal}Adapter({ databaseUrl: DATABASE_URL, schema });
    try {
${LOOKUP_ASSERTIONS.replace(/^/gm, '  ')}
      await expect(adapter.checkHealth()).resolves.toBeUndefined();
    } finally {
      await adapter.close();
    }
  });

  it('reports a schema that is not there as unavailable', async () => {
    const adapter = create${n.pascal}Adapter({ databaseUrl: DATABASE_URL, schema: \`\${schema}_missing\`, timeoutMs: 1_000 });
    try {
      await expect(adapter.lookup([expected[0]!.citizenId])).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: '${n.id}' });
    } finally {
      await adapter.close();
    }
  });
});
`,
  }),
};
