export interface SubgraphHealth {
  name: string;
  url: string;
  reachable: boolean;
  /** What its `/health` says (liveness: `ok`); departments are in `/health/ready` (`checkReadiness`). */
  status: string;
}

/** Asks each subgraph's `/health`: reachable means it answered at all, in time. */
export async function checkSubgraphs(subgraphUrls: Map<string, string>, timeoutMs = 1_500): Promise<SubgraphHealth[]> {
  return Promise.all(
    [...subgraphUrls].map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(timeoutMs) });
        const body = (await response.json().catch(() => ({}))) as { status?: string };
        return { name, url, reachable: true, status: body.status ?? String(response.status) };
      } catch (error) {
        return { name, url, reachable: false, status: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

/** One department system as a subgraph's `/health/ready` reports it. */
export interface DepartmentBreaker {
  department: string;
  breaker: string;
}

export interface SubgraphReadiness {
  name: string;
  reachable: boolean;
  /** Its `/health/ready` answered 200: every department system behind it takes calls. */
  ready: boolean;
  departments: DepartmentBreaker[];
}

export interface GatewayReadiness {
  /** `ready`: all is well; `degraded`: some departments' sections come back null for now; `unavailable`: a subgraph cannot be reached. */
  status: 'ready' | 'degraded' | 'unavailable';
  /** The departments whose circuit is open, one entry each. */
  degraded: string[];
  subgraphs: SubgraphReadiness[];
}

const REFUSING = new Set(['open', 'isolated']);

/**
 * Asks each subgraph's `/health/ready` and sums them up. A department that is down does not
 * make the gateway unready (it answers everything else, that section null with a code, and
 * every replica sees the same department), so only an unreachable subgraph answers 503.
 */
export async function checkReadiness(subgraphUrls: Map<string, string>, timeoutMs = 1_500): Promise<{ httpStatus: 200 | 503; body: GatewayReadiness }> {
  const subgraphs = await Promise.all(
    [...subgraphUrls].map(async ([name, url]): Promise<SubgraphReadiness> => {
      try {
        const response = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(timeoutMs) });
        const body = (await response.json().catch(() => ({}))) as { departments?: unknown };
        const departments = Array.isArray(body.departments)
          ? body.departments.filter((entry): entry is DepartmentBreaker => typeof entry?.department === 'string' && typeof entry?.breaker === 'string')
          : [];
        return { name, reachable: true, ready: response.status === 200, departments };
      } catch {
        return { name, reachable: false, ready: false, departments: [] };
      }
    }),
  );
  const degraded = [
    ...new Set(
      subgraphs.flatMap((subgraph) => [
        ...subgraph.departments.filter((entry) => REFUSING.has(entry.breaker)).map((entry) => entry.department),
        // Not ready without saying which department: name the subgraph.
        ...(subgraph.reachable && !subgraph.ready && subgraph.departments.every((entry) => !REFUSING.has(entry.breaker)) ? [subgraph.name] : []),
      ]),
    ),
  ];
  const unreachable = subgraphs.some((subgraph) => !subgraph.reachable);
  const status = unreachable ? 'unavailable' : degraded.length > 0 ? 'degraded' : 'ready';
  return { httpStatus: unreachable ? 503 : 200, body: { status, degraded, subgraphs } };
}
