import type { DepartmentNames } from '../DepartmentNames';
import type { FileMap } from './FileMap';

/** The ports the registry assigns a new department. */
export interface DepartmentPorts {
  subgraph: number;
  standIn: number;
}

/** What differs between a REST, SOAP, database and CSV department. */
export interface ProtocolTemplate {
  /** The adapter package's dependencies beyond the kits and zod. */
  dependencies: Record<string, string>;
  /** The adapter's client, stand-in and test (`adapters/<id>/…`). */
  adapterFiles(n: DepartmentNames, ports: DepartmentPorts): FileMap;
  /** The registry's `standIn` value. */
  registryStandIn(n: DepartmentNames, ports: DepartmentPorts): string;
  /** The registry's `subgraph.env`. */
  registryEnv(n: DepartmentNames): string;
  /** Imports the subgraph's settings need. */
  settingsImports: string[];
  /** The subgraph's `settings` entries and its `createAdapter`. */
  settings(n: DepartmentNames, ports: DepartmentPorts): string;
  createAdapter(n: DepartmentNames): string;
}

/** The stand-in's records as JSON under the data set (REST, SOAP and database stand-ins read them). */
export function recordsFile(n: DepartmentNames): FileMap {
  return {
    'src/stand-in/recordsFile.ts': `import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ${n.pascal}Record } from '../${n.pascal}Record';

export const recordsFileOf = (dataDir: string) => path.join(dataDir, '${n.id}', 'records.json');

export async function readRecords(dataDir: string): Promise<${n.pascal}Record[]> {
  return JSON.parse(await readFile(recordsFileOf(dataDir), 'utf8')) as ${n.pascal}Record[];
}
`,
    'src/stand-in/writeStandInData.ts': `import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Population } from '@resident-graph/schemas';
import { recordsFileOf } from './recordsFile';
import { sampleRecords } from './sampleRecords';

/** Writes the stand-in's records under \`outDir/${n.id}/\` (\`npm run generate\`). */
export async function writeStandInData(population: Population, outDir: string): Promise<void> {
  const file = recordsFileOf(outDir);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(sampleRecords(population)));
}
`,
  };
}

/** The process of an HTTP stand-in (\`src/stand-in/main.ts\`) and the stand-in's surface. */
export function serverStandInMain(n: DepartmentNames, ports: DepartmentPorts): FileMap {
  return {
    'src/stand-in/index.ts': `export { startStandIn } from './startStandIn';
export { writeStandInData } from './writeStandInData';
export { sampleRecords } from './sampleRecords';
`,
    'src/stand-in/main.ts': `import { z } from 'zod';
import { createLogger, loadSettings, onShutdown, portSetting } from '@resident-graph/service-kit';
import { startStandIn } from './startStandIn';

const logger = createLogger('stand-in-${n.id}');

/** Runs the ${n.en} system's stand-in over the data in \`DATA_DIR\`. */
async function main(): Promise<void> {
  const settings = loadSettings('stand-in-${n.id}', { PORT: portSetting(${ports.standIn}), DATA_DIR: z.string().min(1) });
  const standIn = await startStandIn({ dataDir: settings.DATA_DIR, port: settings.PORT });
  logger.info({ url: standIn.url }, '${n.id} stand-in ready');
  onShutdown(() => standIn.close());
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, '${n.id} stand-in failed to start');
  process.exit(1);
});
`,
  };
}

/** The test population: the residents of one grid. The imperfections it adds belong to another department and are ignored here. */
export function testPopulation(): FileMap {
  return {
    'tests/fixtures/population.ts': `import { oneGridPopulation } from '@resident-graph/test-kit';
import { sampleRecords } from '../../src/stand-in/sampleRecords';

export const population = oneGridPopulation(64, {
  department: 'grid',
  birthYears: { from: 1950, span: 50 },
  typo: { at: 5, of: (id) => id },
  sectionOf: () => ({}),
});

/** What the stand-in holds, as the generator decides it; a resident with none. */
export const expected = sampleRecords(population);
export const withoutRecord = population.residents.find((resident) => !expected.some((record) => record.citizenId === resident.id))!;
`,
  };
}

/** Assertions every protocol's adapter test makes against its running stand-in. */
export const LOOKUP_ASSERTIONS = `    const ids = [...expected.map((record) => record.citizenId), withoutRecord.id];
    const answers = await adapter.lookup(ids);
    expect(expected.length).toBeGreaterThan(0);
    for (const record of expected) expect(answers.get(record.citizenId)).toEqual({ record, issues: [] });
    expect(answers.get(withoutRecord.id)).toEqual({ record: null, issues: [] });
    expect(adapter.callsMade()).toBe(1);`;

/** The adapter's test against its HTTP stand-in: records, one call per batch, a malformed answer, a refusal. */
export function serverAdapterTest(n: DepartmentNames): FileMap {
  return {
    [`tests/create${n.pascal}Adapter.test.ts`]: `import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StandInServer } from '@resident-graph/adapter-kit';
import { create${n.pascal}Adapter } from '../src';
import { startStandIn, writeStandInData } from '../src/stand-in';
import { expected, population, withoutRecord } from './fixtures/population';

describe('the ${n.id} adapter against its stand-in', () => {
  let dataDir: string;
  let standIn: StandInServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), '${n.id}-'));
    await writeStandInData(population, dataDir);
    standIn = await startStandIn({ dataDir, port: 0 });
  });
  afterAll(async () => {
    await standIn.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  afterEach(() => fetch(\`\${standIn.url}/__control/fault\`, { method: 'PUT', body: JSON.stringify({ kind: 'none' }) }));

  it('answers a batch of IDs in one call, with the records the generator wrote', async () => {
    const adapter = create${n.pascal}Adapter({ baseUrl: standIn.url });
${LOOKUP_ASSERTIONS}
    await expect(adapter.checkHealth()).resolves.toBeUndefined();
  });

  it('reports an answer in no valid format as a bad response', async () => {
    await fetch(\`\${standIn.url}/__control/fault\`, { method: 'PUT', body: JSON.stringify({ kind: 'malformed' }) });
    const adapter = create${n.pascal}Adapter({ baseUrl: standIn.url });
    await expect(adapter.lookup([withoutRecord.id])).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: '${n.id}' });
  });

  it('reports a system that refuses as unavailable', async () => {
    await fetch(\`\${standIn.url}/__control/fault\`, { method: 'PUT', body: JSON.stringify({ kind: 'unavailable' }) });
    const adapter = create${n.pascal}Adapter({ baseUrl: standIn.url, timeoutMs: 500 });
    await expect(adapter.lookup([withoutRecord.id])).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
  });
});
`,
  };
}
