import type { Stack } from '@resident-graph/stack';
import { cpuSeconds, postgresBackends } from '../processStats';
import { fixedHeaders, gatewayHeaders } from '../requestHeaders';
import { runLoad, summarize, type LoadResult } from '../runLoad';
import type { Workload } from '../workloads';

/** What the stack's processes spent on one workload through the gateway. */
export interface StackCpuRun {
  workload: string;
  load: LoadResult;
  /** CPU milliseconds per answered request, by process (the PostgreSQL server's backends for the stack's database as one). */
  cpuMsPerRequest: Record<string, number>;
}

/** Rows of the report that are not a process of the stack. */
export const POSTGRESQL = 'PostgreSQL server (its backends)';

/** CPU seconds so far of every process of the stack, and of the server's backends serving its database. */
function cpuNow(stack: Stack, database: string | null): Map<string, number> {
  const now = new Map<string, number>();
  for (const [name, service] of stack.services) if (service.child.pid) now.set(name, cpuSeconds(service.child.pid));
  if (database) for (const pid of postgresBackends(database)) now.set(`${POSTGRESQL}#${pid}`, cpuSeconds(pid));
  return now;
}

/**
 * Puts `workload` on the stack's gateway for `durationSeconds` (after an unmeasured warm-up)
 * and divides each process's CPU time over the answers. A backend that started during the run
 * counts from zero; one that ended during it loses its share (the stack's pools keep theirs open).
 */
export async function measureStackCpu(
  stack: Stack,
  database: string | null,
  workload: Workload,
  settings: { durationSeconds: number; warmupSeconds: number; connections: number },
): Promise<StackCpuRun> {
  const headers = fixedHeaders(await gatewayHeaders(stack, workload.credentials));
  const load = (durationSeconds: number) =>
    runLoad({
      url: stack.gatewayUrl,
      headers,
      bodies: workload.bodies,
      check: workload.check,
      connections: settings.connections,
      durationSeconds,
      maxRequests: 10_000_000,
    });
  if (settings.warmupSeconds > 0) await load(settings.warmupSeconds);
  const before = cpuNow(stack, database);
  const result = summarize([await load(settings.durationSeconds)]);
  const after = cpuNow(stack, database);
  const cpuMsPerRequest: Record<string, number> = {};
  for (const [key, seconds] of after) {
    const name = key.startsWith(POSTGRESQL) ? POSTGRESQL : key;
    const spent = seconds - (before.get(key) ?? 0);
    cpuMsPerRequest[name] = (cpuMsPerRequest[name] ?? 0) + (result.requests > 0 ? (spent * 1000) / result.requests : 0);
  }
  return { workload: workload.name, load: result, cpuMsPerRequest };
}
