import { createDepartmentPolicy, type DepartmentAdapter } from '@resident-graph/adapter-kit';
import { createLogger } from '@resident-graph/service-kit';
import { askDatabase } from './askDatabase';
import type { CivilAffairsRecord } from './CivilAffairsRecord';
import { collectLookups, storedFormsOf } from './collectLookups';
import { createCivilAffairsClient, type CivilAffairsDatabase } from './createCivilAffairsClient';
import { readCivilAffairsRows } from './readCivilAffairsRows';
import { recordParties } from './recordParties';
import { snapshotOf, StoredIdIndex } from './StoredIdIndex';

export interface CivilAffairsAdapterOptions extends CivilAffairsDatabase {
  /** Time limit of one lookup attempt. @default 2000 */
  timeoutMs?: number;
  /** How often the scan for stored IDs failing validation is repeated. @default 300000 */
  idScanIntervalMs?: number;
  /** Time limit of one scan, which reads every row. @default 30000 */
  idScanTimeoutMs?: number;
}

export interface CivilAffairsAdapter extends DepartmentAdapter<CivilAffairsRecord> {
  /** Scans the stored IDs again now instead of waiting for the next interval. */
  refreshIdIndex(): Promise<void>;
}

/**
 * Reads the civil-affairs bureau's database directly (Prisma Client, `pg` driver). A
 * lookup is one transaction that asks for every stored form of the IDs: canonical,
 * 15-digit, and the odd formatting the last scan found.
 */
export function createCivilAffairsAdapter(options: CivilAffairsAdapterOptions): CivilAffairsAdapter {
  const logger = createLogger('adapter-civil-affairs');
  const prisma = createCivilAffairsClient(options);
  const execute = createDepartmentPolicy({ department: 'civil-affairs', timeoutMs: options.timeoutMs });
  const executeScan = createDepartmentPolicy({ department: 'civil-affairs', timeoutMs: options.idScanTimeoutMs ?? 30_000 });
  const index = new StoredIdIndex(() => executeScan(async () => snapshotOf(recordParties(await askDatabase(() => readCivilAffairsRows(prisma))))));
  let calls = 0;

  const warnOnFailure = (error: unknown) => logger.warn({ err: error }, 'scan of stored citizen IDs failed');
  index.current().catch(warnOnFailure);
  const scanTimer = setInterval(() => index.refresh().catch(warnOnFailure), options.idScanIntervalMs ?? 300_000);
  scanTimer.unref();

  return {
    department: 'civil-affairs',
    async lookup(citizenIds) {
      if (citizenIds.length === 0) return new Map();
      const snapshot = await index.current();
      calls += 1;
      return execute(async () => {
        const rows = await askDatabase(() => readCivilAffairsRows(prisma, storedFormsOf(citizenIds, snapshot)));
        return collectLookups(citizenIds, recordParties(rows), snapshot);
      });
    },
    // Lookups only: the background ID scan is maintenance, not a resident's read.
    callsMade: () => calls,
    async checkHealth() {
      await execute(() => askDatabase(() => prisma.assistanceCase.findFirst({ select: { caseNumber: true } })));
    },
    refreshIdIndex: () => index.refresh(),
    async close() {
      clearInterval(scanTimer);
      await prisma.$disconnect();
    },
  } satisfies CivilAffairsAdapter;
}
