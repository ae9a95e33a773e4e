import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { StandInServer } from '@resident-graph/adapter-kit';
import type { LabourAdapter } from '@resident-graph/adapter-labour';
import { exportDirOf, startStandIn, writeStandInData } from '@resident-graph/adapter-labour/stand-in';
import { normalizeCitizenId, storedIdentityOf, toFifteenDigitId } from '@resident-graph/schemas';
import { labourAdapters } from './fixtures/labourAdapters';
import { labourPopulation, residentsOf } from './fixtures/population';
import { tempDir } from './fixtures/tempDir';

describe('holders of an employment status, as the bureau filters them', () => {
  const population = labourPopulation();
  const { employed, laidOff, typo, retired } = residentsOf(population);
  let remove: () => Promise<void>;
  let standIn: StandInServer;
  let adapter: LabourAdapter;
  const adapters = labourAdapters();

  beforeAll(async () => {
    let dir: string;
    ({ dir, remove } = await tempDir());
    await writeStandInData(population, dir);
    // A card re-issued under the employed resident's old 15-digit ID, which the query API does not know.
    const reissued = ['S-REISSUED-1', toFifteenDigitId(employed.id) ?? employed.id, employed.name, '', '', ''].join(',');
    await appendFile(path.join(exportDirOf(dir), `shebao_${population.asOf.replaceAll('-', '')}.csv`), iconv.encode(`${reissued}\r\n`, 'gbk'));
    standIn = await startStandIn({ dataDir: dir, port: 0 });
    adapter = adapters.create({ baseUrl: standIn.url, exportDir: exportDirOf(dir) });
  });
  afterAll(async () => {
    await adapters.release();
    await standIn.close();
    await remove();
  });

  /** The residents the stored IDs name (a mistyped one names nobody). */
  const residents = (storedIds: string[]) =>
    new Set(
      storedIds.flatMap((storedId) => {
        const normalized = normalizeCitizenId(storedId);
        return normalized.ok ? [normalized.id] : [];
      }),
    );

  test('a resident counts under the status of a card the bureau knows, and never also as UNKNOWN', async () => {
    expect(residents(await adapter.holdersOfStatus('EMPLOYED'))).toContain(employed.id);
    expect(residents(await adapter.holdersOfStatus('UNKNOWN'))).not.toContain(employed.id);
    expect(residents(await adapter.holdersOfStatus('LAID_OFF'))).toEqual(new Set([laidOff.id]));
    expect(residents(await adapter.holdersOfStatus('RETIRED'))).toEqual(new Set([retired.id]));
  });

  test('lists every stored ID of the export, the mistyped one as stored', async () => {
    const storedIds: string[] = [];
    for await (const storedId of adapter.storedIds()) storedIds.push(storedId);
    expect(storedIds).toContain(storedIdentityOf(typo, 'labour').storedId);
    expect(normalizeCitizenId(storedIdentityOf(typo, 'labour').storedId).ok).toBe(false);
    expect(residents(storedIds)).toContain(employed.id);
  });
});
