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

/** The process of an HTTP stand-in (\`src/stand-in/main.ts\`). */
export function serverStandInMain(n: DepartmentNames, ports: DepartmentPorts): FileMap {
  return {
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
