import { todayInShanghai } from '@resident-graph/schemas';
import { Pool } from 'pg';
import type { Logger } from '@resident-graph/service-kit';
import type { Stack } from '@resident-graph/stack';
import { readTruth } from '@resident-graph/tests';
import { percentile } from '../percentile';
import { gatewayHeaders } from '../requestHeaders';

const REPORT = `mutation ($input: ChangeReportInput!) { reportChange(input: $input) { id } }`;
/** Each card holder's employment changes in turn: every one is a new status on an open card, which labour and civil affairs accept. */
const STATUSES = ['REGISTERED_UNEMPLOYED', 'EMPLOYED', 'LAID_OFF'] as const;

export interface ChangesSettings {
  /** Clients reporting at once, each waiting for its answer before the next report. */
  connections: number;
  durationSeconds: number;
  /** How long the deliveries of the reports taken may take to be decided before the run gives up on them. */
  settleTimeoutMs: number;
}

export interface ChangesReport {
  connections: number;
  durationSeconds: number;
  /** Reports the changes service took (answered with an id). */
  accepted: number;
  /** Reports answered with an error or not at all. */
  failed: number;
  firstError: string | null;
  reportsPerSecond: number;
  /** `reportChange` through the gateway, as the client waited for it. */
  reportMs: { p50: number; p99: number };
  deliveries: number;
  /** Deliveries still open when the run stopped waiting. */
  undecided: number;
  /** From a report's time to the last of its deliveries decided (the changes service's own timestamps). */
  deliveredMs: { p50: number; p99: number };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

/**
 * The changes workload: `connections` clients report employment changes of labour's card
 * holders through the gateway for `durationSeconds`; then the run waits until every
 * delivery of the reports taken is decided and reads, from the changes schema, how long
 * each report took to reach all its departments. Each client has its own card holders, so
 * a resident's changes are made one after the other.
 */
export async function benchChanges(stack: Stack, dataDir: string, settings: ChangesSettings, logger: Logger): Promise<ChangesReport> {
  const holders = readTruth(dataDir).filter((resident) => resident.imperfections.length === 0 && resident.labour !== null);
  const headersByGrid = new Map<string, Record<string, string>>();
  const headersFor = async (gridId: string) => {
    const known = headersByGrid.get(gridId);
    if (known) return known;
    const made = await gatewayHeaders(stack, {
      caller: { subject: 'grid-worker-bench', role: 'grid-worker', department: null, grids: [gridId], community: null },
      purpose: 'HOME_VISIT:BENCH-1',
    });
    headersByGrid.set(gridId, made);
    return made;
  };
  const today = todayInShanghai();
  const taken: string[] = [];
  const reportMs: number[] = [];
  let failed = 0;
  let firstError: string | null = null;
  const fail = (message: string) => {
    failed += 1;
    firstError ??= message;
  };

  logger.info(`changes: ${settings.connections} clients reporting for ${settings.durationSeconds} s`);
  const started = performance.now();
  const stopAt = started + settings.durationSeconds * 1000;
  await Promise.all(
    Array.from({ length: settings.connections }, async (_, client) => {
      const own = holders.filter((_resident, index) => index % settings.connections === client);
      for (let turn = 0; performance.now() < stopAt; turn += 1) {
        const resident = own[turn % own.length]!;
        const status = STATUSES[Math.floor(turn / own.length) % STATUSES.length]!;
        const input = { kind: 'EMPLOYMENT_CHANGE', residentId: resident.id, occurredOn: today, employment: { status } };
        const sent = performance.now();
        try {
          const response = await fetch(stack.gatewayUrl, {
            method: 'POST',
            headers: await headersFor(resident.gridId),
            body: JSON.stringify({ query: REPORT, variables: { input } }),
            signal: AbortSignal.timeout(30_000),
          });
          const answer = (await response.json()) as { data?: { reportChange?: { id: string } | null } | null; errors?: { message: string }[] };
          if (answer.data?.reportChange) {
            taken.push(answer.data.reportChange.id);
            reportMs.push(performance.now() - sent);
          } else fail(answer.errors?.[0]?.message ?? `answered ${response.status} without a report`);
        } catch (error) {
          fail(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;

  const pool = new Pool({ connectionString: stack.databaseUrl, max: 1 });
  try {
    const deadline = Date.now() + settings.settleTimeoutMs;
    const open = async () =>
      Number(
        (
          await pool.query<{ n: string }>(
            "SELECT count(*) AS n FROM changes.change_delivery WHERE report_id = ANY($1::uuid[]) AND state IN ('PENDING', 'DELIVERED')",
            [taken],
          )
        ).rows[0]!.n,
      );
    let undecided = await open();
    while (undecided > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      undecided = await open();
    }
    const { rows } = await pool.query<{ deliveries: number; ms: number | null }>(
      `SELECT count(*)::int AS deliveries,
              CASE WHEN bool_and(d.decided_at IS NOT NULL) THEN EXTRACT(EPOCH FROM max(d.decided_at) - r.reported_at) * 1000 END::float8 AS ms
         FROM changes.change_report r JOIN changes.change_delivery d ON d.report_id = r.id
        WHERE r.id = ANY($1::uuid[]) GROUP BY r.id, r.reported_at`,
      [taken],
    );
    const delivered = sorted(rows.flatMap((row) => (row.ms === null ? [] : [row.ms])));
    const answered = sorted(reportMs);
    return {
      connections: settings.connections,
      durationSeconds: elapsedSeconds,
      accepted: taken.length,
      failed,
      firstError,
      reportsPerSecond: taken.length / elapsedSeconds,
      reportMs: { p50: percentile(answered, 50), p99: percentile(answered, 99) },
      deliveries: rows.reduce((sum, row) => sum + row.deliveries, 0),
      undecided,
      deliveredMs: { p50: percentile(delivered, 50), p99: percentile(delivered, 99) },
    };
  } finally {
    await pool.end();
  }
}
