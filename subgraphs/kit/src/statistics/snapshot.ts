import { z } from 'zod';
import { loadSettings } from '@resident-graph/service-kit';

/**
 * A value loaded from a department's system and kept: a whole-population read (every
 * stored ID, every placement) made once per interval instead of per question. Younger than
 * `maxAgeMs` it is served as it is; up to twice that it is still served while a new read
 * runs behind it, so no question waits for the refresh; older (or never loaded, or
 * `maxAgeMs` 0) a question waits for a read, and fails if the read fails — a department
 * that stays down fails the questions that need it rather than answering from old data for ever.
 * Concurrent callers share one read.
 */
export function snapshot<T>(maxAgeMs: number, load: () => Promise<T>, now: () => number = Date.now): () => Promise<T> {
  let current: { value: T; readAt: number } | null = null;
  let reading: Promise<T> | null = null;
  const read = () => {
    if (!reading) {
      const readAt = now();
      reading = load()
        .then((value) => {
          current = { value, readAt };
          return value;
        })
        .finally(() => {
          reading = null;
        });
    }
    return reading;
  };
  return async () => {
    const age = current ? now() - current.readAt : Number.POSITIVE_INFINITY;
    if (current && age <= maxAgeMs) return current.value;
    if (current && age <= 2 * maxAgeMs) {
      read().catch(() => undefined);
      return current.value;
    }
    return read();
  };
}

/**
 * `STATISTICS_SNAPSHOT_MAX_AGE_MS` (default 5 minutes): how old a department's whole-population
 * read may be when a statistics question is answered from it (up to twice that while a new
 * read runs). 0 reads afresh for every question.
 */
export const snapshotMaxAgeFromEnv = (component: string, env: NodeJS.ProcessEnv = process.env): number =>
  loadSettings(component, { STATISTICS_SNAPSHOT_MAX_AGE_MS: z.coerce.number().int().min(0).default(300_000) }, env).STATISTICS_SNAPSHOT_MAX_AGE_MS;
