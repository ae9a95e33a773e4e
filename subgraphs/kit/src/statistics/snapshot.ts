import { z } from 'zod';
import { loadSettings } from '@resident-graph/service-kit';

/**
 * A value loaded from a department's system and kept for `maxAgeMs`: a whole-population
 * read (every stored ID, every placement) made once per interval instead of per question.
 * Callers meanwhile share one load; a failed load is not kept, so the next caller tries again.
 */
export function snapshot<T>(maxAgeMs: number, load: () => Promise<T>, now: () => number = Date.now): () => Promise<T> {
  let current: { value: Promise<T>; loadedAt: number } | null = null;
  return () => {
    if (!current || now() - current.loadedAt > maxAgeMs) {
      const value = load();
      const loading = { value, loadedAt: now() };
      current = loading;
      value.catch(() => {
        if (current === loading) current = null;
      });
    }
    return current.value;
  };
}

/**
 * `STATISTICS_SNAPSHOT_MAX_AGE_MS` (default 5 minutes): how old a department's whole-population
 * read may be when a statistics question is answered from it. 0 reads afresh every time.
 */
export const snapshotMaxAgeFromEnv = (component: string, env: NodeJS.ProcessEnv = process.env): number =>
  loadSettings(component, { STATISTICS_SNAPSHOT_MAX_AGE_MS: z.coerce.number().int().min(0).default(300_000) }, env).STATISTICS_SNAPSHOT_MAX_AGE_MS;
