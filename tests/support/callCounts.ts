import type { Stack } from '@resident-graph/stack';

const local = (port: number) => `http://127.0.0.1:${port}/__control/calls`;

async function readCalls(url: string): Promise<Record<string, number>> {
  const response = await fetch(url);
  return (await response.json()) as Record<string, number>;
}

/**
 * Calls each departmental system received: the HTTP stand-ins count what reaches them;
 * for the two databases, the subgraph reports the calls its adapter made.
 */
export async function departmentCalls(stack: Stack): Promise<Record<string, number>> {
  const { ports } = stack;
  const [ps, fp, labour, civil, grid] = await Promise.all([
    readCalls(local(ports.standIns['public-security']!)),
    readCalls(local(ports.standIns['family-planning']!)),
    readCalls(local(ports.standIns.labour!)),
    readCalls(local(ports.subgraphs['civil-affairs']!)),
    readCalls(local(ports.subgraphs.grid!)),
  ]);
  return {
    'public-security persons': ps['/api/rkxx/query'] ?? 0,
    'public-security households': ps['/api/hhxx/query'] ?? 0,
    'family-planning': fp.QueryPersons ?? 0,
    labour: labour['cards.query'] ?? 0,
    'civil-affairs': civil['civil-affairs'] ?? 0,
    grid: grid.grid ?? 0,
  };
}

/** Calls made while `work` ran, per system. */
export async function callsDuring(stack: Stack, work: () => Promise<void>): Promise<Record<string, number>> {
  const before = await departmentCalls(stack);
  await work();
  const after = await departmentCalls(stack);
  return Object.fromEntries(Object.entries(after).map(([system, count]) => [system, count - (before[system] ?? 0)]));
}
