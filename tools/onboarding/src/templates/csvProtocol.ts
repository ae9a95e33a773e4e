import { LOOKUP_ASSERTIONS, testPopulation, type ProtocolTemplate } from './ProtocolTemplate';

/** A system that hands over a nightly export file, read when the subgraph first needs it. */
export const csvProtocol: ProtocolTemplate = {
  dependencies: { 'csv-parse': '^6.1.0', 'csv-stringify': '^6.6.0' },
  settingsImports: ["import { z } from 'zod';"],
  settings: (n) => `{ ${n.constant}_EXPORT_DIR: z.string().min(1) }`,
  createAdapter: (n) => `(settings, resilience) => create${n.pascal}Adapter({ exportDir: settings.${n.constant}_EXPORT_DIR, ...resilience })`,
  registryStandIn: () => `{ kind: 'files' }`,
  registryEnv: (n) => `({ dataDir }) => ({ ${n.constant}_EXPORT_DIR: path.join(dataDir, '${n.id}', 'export') })`,
  adapterFiles: (n) => ({
    ...testPopulation(),
    'src/exportFormat.ts': `/** The export's file in its folder, and its columns (one record a row). */
export const EXPORT_FILE = 'records.csv';
export const EXPORT_COLUMNS = ['citizenId', 'referenceNumber', 'registeredOn', 'status'] as const;
`,
    [`src/create${n.pascal}Adapter.ts`]: `import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { createDepartmentPolicy, type DataQualitySource, type DepartmentAdapter, type DepartmentResilience } from '@resident-graph/adapter-kit';
import { ${n.camel}RecordSchema, type ${n.pascal}Record } from './${n.pascal}Record';
import { EXPORT_FILE } from './exportFormat';
import { lookupsOf } from './lookupsOf';
import { parseAnswer } from './parseAnswer';

export interface ${n.pascal}AdapterOptions extends Partial<DepartmentResilience> {
  /** The folder the department delivers its export to. */
  exportDir: string;
}

const rowsSchema = z.array(${n.camel}RecordSchema);

/**
 * The ${n.en} system (${n.zh}) from its export file: read once, when first needed (a
 * failed read is tried again on the next lookup), then answered from memory.
 */
export function create${n.pascal}Adapter(options: ${n.pascal}AdapterOptions): DepartmentAdapter<${n.pascal}Record> & DataQualitySource {
  const execute = createDepartmentPolicy({ ...options, department: '${n.id}' });
  let calls = 0;
  let loaded: Promise<${n.pascal}Record[]> | undefined;
  const load = () => {
    loaded ??= execute(async () => {
      calls += 1;
      return readFile(path.join(options.exportDir, EXPORT_FILE), 'utf8');
    }).then((text) => parseAnswer(rowsSchema, parse(text, { columns: true, skip_empty_lines: true })));
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };

  return {
    department: '${n.id}',
    lookup: async (citizenIds) => lookupsOf(citizenIds, await load()),
    callsMade: () => calls,
    // Like its lookups (\`lookupsOf\`), it reports no data-quality issues until it checks its stored IDs (docs/onboarding.md).
    issuesByResident: async () => new Map(),
    breakerState: () => execute.breakerState(),
    async checkHealth() {
      await load();
    },
    close: async () => undefined,
  };
}
`,
    'src/stand-in/writeStandInData.ts': `import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Population } from '@resident-graph/schemas';
import { EXPORT_COLUMNS, EXPORT_FILE } from '../exportFormat';
import { sampleRecords } from './sampleRecords';

export const exportDirOf = (dataDir: string) => path.join(dataDir, '${n.id}', 'export');

/** Writes the department's export under \`outDir/${n.id}/export/\` (\`npm run generate\`). */
export async function writeStandInData(population: Population, outDir: string): Promise<void> {
  await mkdir(exportDirOf(outDir), { recursive: true });
  await writeFile(path.join(exportDirOf(outDir), EXPORT_FILE), stringify(sampleRecords(population), { header: true, columns: [...EXPORT_COLUMNS] }));
}
`,
    'src/stand-in/index.ts': `export { exportDirOf, writeStandInData } from './writeStandInData';
export { sampleRecords } from './sampleRecords';
`,
    [`tests/create${n.pascal}Adapter.test.ts`]: `import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create${n.pascal}Adapter } from '../src';
import { EXPORT_FILE } from '../src/exportFormat';
import { exportDirOf, writeStandInData } from '../src/stand-in';
import { expected, population, withoutRecord } from './fixtures/population';

describe('the ${n.id} adapter over its export file', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), '${n.id}-'));
    await writeStandInData(population, dataDir);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('answers from the file the generator wrote, read once', async () => {
    const adapter = create${n.pascal}Adapter({ exportDir: exportDirOf(dataDir) });
${LOOKUP_ASSERTIONS}
    await adapter.lookup([withoutRecord.id]);
    expect(adapter.callsMade()).toBe(1);
  });

  it('reports an export in no valid format as a bad response, and a missing one as unavailable', async () => {
    const broken = await mkdtemp(path.join(os.tmpdir(), '${n.id}-broken-'));
    try {
      await expect(create${n.pascal}Adapter({ exportDir: broken, timeoutMs: 500 }).checkHealth()).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
      await writeFile(path.join(broken, EXPORT_FILE), 'citizenId,referenceNumber\\nnot-an-id,R-1\\n');
      await expect(create${n.pascal}Adapter({ exportDir: broken }).lookup([withoutRecord.id])).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: '${n.id}' });
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
`,
  }),
};
