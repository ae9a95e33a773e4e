import {
  createDepartmentPolicy,
  StoredIdIndex,
  worstBreakerState,
  type DataQualitySource,
  type DepartmentAdapter,
  type DepartmentResilience,
} from '@resident-graph/adapter-kit';
import { createLogger } from '@resident-graph/service-kit';
import { askDatabase } from './askDatabase';
import type { CivilAffairsRecord } from './CivilAffairsRecord';
import { collectLookups } from './collectLookups';
import { createCivilAffairsClient, type CivilAffairsDatabase } from './createCivilAffairsClient';
import { readCivilAffairsRows } from './readCivilAffairsRows';
import { readAllowanceRecipients, readDisabilityHolders, readStoredIds } from './readFactHolders';
import { recordParties } from './recordParties';
import { StoredIdScan } from './StoredIdScan';
import { storedFormsOf } from './storedFormsOf';

/** The database; resilience settings of lookups (`timeoutMs` of one attempt …) where they differ from the defaults. */
export interface CivilAffairsAdapterOptions extends CivilAffairsDatabase, Partial<DepartmentResilience> {
  /** How often the scan for stored IDs failing validation is repeated. @default 300000 */
  idScanIntervalMs?: number;
  /** Time limit of one scan, which reads every row. @default 30000 */
  idScanTimeoutMs?: number;
}

export interface CivilAffairsAdapter extends DepartmentAdapter<CivilAffairsRecord>, DataQualitySource {
  /** Scans the stored IDs again now instead of waiting for the next interval. */
  refreshIdIndex(): Promise<void>;
  /** For statistics: the stored IDs of the 低保 recipients at `asOf` (`minimumLivingAllowanceActiveAt`), evaluated in the database. */
  allowanceRecipients(asOf: string): Promise<string[]>;
  /** For statistics: the stored IDs of the disability certificates' holders. */
  disabilityHolders(): Promise<string[]>;
  /** For statistics: every stored ID the bureau holds anyone under, as entered. */
  storedIds(): Promise<string[]>;
}

/**
 * Reads the civil-affairs bureau's database directly (Prisma Client, `pg` driver). A
 * lookup is one transaction that asks for every stored form of the IDs: canonical,
 * 15-digit, and the odd formatting the last scan found.
 */
export function createCivilAffairsAdapter(options: CivilAffairsAdapterOptions): CivilAffairsAdapter {
  const logger = createLogger('adapter-civil-affairs');
  const prisma = createCivilAffairsClient(options);
  const execute = createDepartmentPolicy({ ...options, department: 'civil-affairs' });
  // The scan's own time limit; otherwise the department's settings, so its breaker opens as soon as the lookups' would.
  const executeScan = createDepartmentPolicy({ ...options, department: 'civil-affairs', timeoutMs: options.idScanTimeoutMs ?? 30_000 });
  const scan = new StoredIdScan(() =>
    executeScan(async () => new StoredIdIndex('civil-affairs', recordParties(await askDatabase(() => readCivilAffairsRows(prisma))))),
  );
  let calls = 0;

  const warnOnFailure = (error: unknown) => logger.warn({ err: error }, 'scan of stored citizen IDs failed');
  scan.current().catch(warnOnFailure);
  const scanTimer = setInterval(() => scan.refresh().catch(warnOnFailure), options.idScanIntervalMs ?? 300_000);
  scanTimer.unref();

  return {
    department: 'civil-affairs',
    async lookup(citizenIds, linked = new Map()) {
      if (citizenIds.length === 0) return new Map();
      const index = await scan.current();
      calls += 1;
      return execute(async () => {
        const rows = await askDatabase(() => readCivilAffairsRows(prisma, [...storedFormsOf(citizenIds, index), ...linked.keys()]));
        return collectLookups(citizenIds, recordParties(rows), index, linked);
      });
    },
    // Lookups only: the background ID scan is maintenance, not a resident's read.
    callsMade: () => calls,
    // A lookup waits for the scan first, so a database that is down trips the scan's breaker.
    breakerState: () => worstBreakerState(execute, executeScan),
    async checkHealth() {
      await execute(() => askDatabase(() => prisma.assistanceCase.findFirst({ select: { caseNumber: true } })));
    },
    refreshIdIndex: () => scan.refresh(),
    issuesByResident: async () => (await scan.current()).issuesByResident(),
    // Whole-table reads like the scan's, so under the scan's time limit; not counted as lookups.
    allowanceRecipients: (asOf) => executeScan(() => askDatabase(() => readAllowanceRecipients(prisma, asOf))),
    disabilityHolders: () => executeScan(() => askDatabase(() => readDisabilityHolders(prisma))),
    storedIds: () => executeScan(() => askDatabase(() => readStoredIds(prisma))),
    async close() {
      clearInterval(scanTimer);
      await prisma.$disconnect();
    },
  } satisfies CivilAffairsAdapter;
}
