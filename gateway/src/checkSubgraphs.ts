export interface SubgraphHealth {
  name: string;
  url: string;
  reachable: boolean;
  /** What the subgraph says of the department systems behind it. */
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
