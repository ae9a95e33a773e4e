import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** Remembers the ids of gateway contexts already taken, for as long as they could verify. */
export interface ReplayGuard {
  /** True the first time `contextId` is seen within `ttlMs`; false for a replay. Rejects when it cannot tell. */
  firstUse(contextId: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

const KEY_PREFIX = 'resident-graph:gateway-context:';

/**
 * Shared by every replica through Redis (`SET … NX PX`: one atomic claim), so a context
 * taken by one replica is refused by all. Fails closed: when Redis does not answer in
 * time, the caller cannot know the context is fresh and must refuse it.
 */
export function redisReplayGuard(redisUrl: string): ReplayGuard {
  // The client library is loaded here, by the processes given a Redis, not by every process
  // importing this package; the import settles in a microtask, before the first request.
  const connected: Promise<Redis> = import('ioredis').then(({ Redis }) => {
    const redis = new Redis(redisUrl, { commandTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false });
    // Connection errors surface as rejected commands; without a listener they crash the process.
    redis.on('error', () => undefined);
    return redis;
  });
  return {
    async firstUse(contextId, ttlMs) {
      return (await (await connected).set(`${KEY_PREFIX}${contextId}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
    async close() {
      (await connected).disconnect();
    },
  };
}

/**
 * One process's memory: enough for the embedded default start (one replica of each
 * subgraph), not for replicas behind a load balancer — those need `redisReplayGuard`.
 */
export function memoryReplayGuard(maxEntries = 1_000_000): ReplayGuard {
  // Bounded by a size of one per id rather than by `max`: given `max`, the cache sets aside
  // its whole capacity at start (about 40 MB for a million ids), in every subgraph, used or not.
  const seen = new LRUCache<string, true>({ maxSize: maxEntries, sizeCalculation: () => 1, ttlAutopurge: true });
  return {
    async firstUse(contextId, ttlMs) {
      if (seen.has(contextId)) return false;
      seen.set(contextId, true, { ttl: ttlMs });
      return true;
    },
    async close() {
      seen.clear();
    },
  };
}
