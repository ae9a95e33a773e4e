import {
  createDepartmentPolicy,
  StoredIdIndex,
  worstBreakerState,
  type ChangeApplier,
  type DataQualitySource,
  type DepartmentAdapter,
  type DepartmentResilience,
} from '@resident-graph/adapter-kit';
import type { ReportedChange } from '@resident-graph/schemas';
import { createLogger } from '@resident-graph/service-kit';
import { Pool } from 'pg';
import { askBureauSql, askDatabase } from './askDatabase';
import { applyCivilAffairsChange, decide } from './changes/applyCivilAffairsChange';
import { inBureauTransaction } from './changes/bureauConnection';
import type { CivilAffairsRecord } from './CivilAffairsRecord';
import { collectLookups } from './collectLookups';
import { createCivilAffairsClient, type CivilAffairsDatabase } from './createCivilAffairsClient';
import { DEFAULT_REGION_CODE, DEFAULT_SCHEMA } from './defaultSchema';
import { readCivilAffairsRows } from './readCivilAffairsRows';
import { readStoredKeys } from './readStoredKeys';
import { readAllowanceRecipients, readDisabilityHolders, readStoredIds } from './readFactHolders';
import { recordParties } from './recordParties';
import { StoredIdScan } from './StoredIdScan';

/** The database; resilience settings of lookups (`timeoutMs` of one attempt …) where they differ from the defaults. */
export interface CivilAffairsAdapterOptions extends CivilAffairsDatabase, Partial<DepartmentResilience> {
  /** How often the scan for stored IDs failing validation is repeated. @default 300000 */
  idScanIntervalMs?: number;
  /** Time limit of one scan, which reads every row. @default 30000 */
  idScanTimeoutMs?: number;
  /** 行政区划代码 of the bureau's marriage registration office, in the certificate numbers it issues. @default '310115' */
  regionCode?: string;
}

export interface CivilAffairsAdapter extends DepartmentAdapter<CivilAffairsRecord>, DataQualitySource, ChangeApplier {
  /** Scans the stored IDs again now instead of waiting for the next interval. */
  refreshIdIndex(): Promise<void>;
  /** For statistics: the stored IDs of the 低保 recipients at `asOf` (`minimumLivingAllowanceActiveAt`), evaluated in the database. */
  allowanceRecipients(asOf: string): Promise<string[]>;
  /** For statistics: the stored IDs of the disability certificates' holders. */
  disabilityHolders(): Promise<string[]>;
  /** For statistics: every stored ID the bureau holds anyone under, as entered. */
  storedIds(): Promise<string[]>;
  /** Civil affairs always checks a change by its rules before it is queued (marriages, divorces, deaths). */
  checkChange(change: ReportedChange): Promise<string | null>;
}

/**
 * Reads the civil-affairs bureau's database directly (Prisma Client, `pg` driver). A
 * lookup is one statement that asks for every stored form of the IDs: canonical,
 * 15-digit, and the odd formatting the last scan found.
 */
export function createCivilAffairsAdapter(options: CivilAffairsAdapterOptions): CivilAffairsAdapter {
  const logger = createLogger('adapter-civil-affairs');
  const prisma = createCivilAffairsClient(options);
  const execute = createDepartmentPolicy({ ...options, department: 'civil-affairs' });
  // The scan's own time limit; otherwise the department's settings, so its breaker opens as soon as the lookups' would.
  const executeScan = createDepartmentPolicy({ ...options, department: 'civil-affairs', timeoutMs: options.idScanTimeoutMs ?? 30_000 });
  // Changes are written in the bureau's own SQL, one transaction each: a connection or two on the bureau's schema.
  const schema = options.schema ?? DEFAULT_SCHEMA;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`civil-affairs: "${schema}" is not a plain schema name`);
  const changePool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  changePool.on('error', (error) => logger.warn({ err: error }, 'idle connection to the civil-affairs database failed'));
  // Its own breaker: a change waiting on a person's lock must not open the lookups' breaker.
  const executeChange = createDepartmentPolicy({ ...options, department: 'civil-affairs' });
  const warnOnFailure = (error: unknown) => logger.warn({ err: error }, 'scan of stored citizen IDs failed');
  let scanTimer: NodeJS.Timeout | undefined;
  let closed = false;
  // The next periodic scan counts from the last one, whoever asked: the publisher's scans every five minutes make the timer's unneeded.
  const scheduleScan = () => {
    clearTimeout(scanTimer);
    if (closed) return;
    scanTimer = setTimeout(() => scan.refresh().catch(warnOnFailure), options.idScanIntervalMs ?? 300_000);
    scanTimer.unref();
  };
  const scan = new StoredIdScan(() =>
    executeScan(async () => {
      const scanner = StoredIdIndex.scanner('civil-affairs');
      await askDatabase(() => readStoredKeys(prisma, schema, (key) => scanner.add(key)));
      return scanner.finish();
    }).finally(scheduleScan),
  );
  let calls = 0;
  const regionCode = options.regionCode ?? DEFAULT_REGION_CODE;
  // The stored forms a person may stand under, as lookups ask for them.
  const formsFrom = (index: StoredIdIndex) => (citizenId: string) => index.storedFormsOf([citizenId]);

  scan.current().catch(warnOnFailure);

  return {
    department: 'civil-affairs',
    async lookup(citizenIds, linked = new Map()) {
      if (citizenIds.length === 0) return new Map();
      const index = await scan.current();
      calls += 1;
      return execute(async () => {
        const rows = await askDatabase(() => readCivilAffairsRows(prisma, schema, [...index.storedFormsOf(citizenIds), ...linked.keys()]));
        return collectLookups(citizenIds, recordParties(rows), index, linked);
      });
    },
    // Lookups only: the background ID scan is maintenance, not a resident's read.
    callsMade: () => calls,
    // A lookup waits for the scan first, so a database that is down trips the scan's breaker.
    breakerState: () => worstBreakerState(execute, executeScan, executeChange),
    async checkHealth() {
      await execute(() => askDatabase(() => prisma.assistanceCase.findFirst({ select: { caseNumber: true } })));
    },
    applyChange: (change, idempotencyKey) =>
      executeChange(async () => {
        const formsOf = formsFrom(await scan.current());
        const outcome = await askBureauSql(() => applyCivilAffairsChange(change, idempotencyKey, { pool: changePool, schema, formsOf, regionCode }));
        logger.info({ kind: change.kind, idempotencyKey, outcome: outcome.outcome }, 'change applied');
        return outcome;
      }),
    checkChange: (change) =>
      executeChange(async () => {
        const formsOf = formsFrom(await scan.current());
        return inBureauTransaction(changePool, schema, async (client) => (await askBureauSql(() => decide(client, change, formsOf))).refusal);
      }),
    refreshIdIndex: async () => {
      await scan.refresh();
    },
    // A scan of its own: the issues are published, not kept.
    issuesByResident: () => scan.refresh(),
    // Whole-table reads like the scan's, so under the scan's time limit; not counted as lookups.
    allowanceRecipients: (asOf) => executeScan(() => askDatabase(() => readAllowanceRecipients(prisma, asOf))),
    disabilityHolders: () => executeScan(() => askDatabase(() => readDisabilityHolders(prisma))),
    storedIds: () => executeScan(() => askDatabase(() => readStoredIds(prisma))),
    async close() {
      closed = true;
      clearTimeout(scanTimer);
      await Promise.all([prisma.$disconnect(), changePool.end()]);
    },
  } satisfies CivilAffairsAdapter;
}
