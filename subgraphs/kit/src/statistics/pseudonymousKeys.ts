import { createHmac } from 'node:crypto';
import { normalizeCitizenId } from '@resident-graph/schemas';
import { loadPseudonymSecret, loadTrustSettings } from '@resident-graph/trust';

/** Turns citizen IDs into the keys statistics combine: the same person, the same key, in every department. */
export interface Pseudonymizer {
  /** The key of a valid 18-character citizen ID. */
  keyOf(citizenId: string): bigint;
  /**
   * The key of an ID as the department stores it (15 digits, full-width, spaced …), or
   * null when it names no valid citizen ID: such a record is in no key set, and counted as unresolved.
   */
  keyOfStored(storedId: string): bigint | null;
}

/**
 * HMAC-SHA256 under the departments' shared secret, cut to 64 bits: without the secret a
 * key cannot be tested against a guessed ID (the ID space is small enough to enumerate),
 * and 2.6 million keys in 2^64 collide with odds of about 1 in 5 million. Keys are
 * remembered, as each is asked for again by every statistics request.
 */
export function createPseudonymizer(secret: Buffer): Pseudonymizer {
  const known = new Map<string, bigint>();
  const keyOf = (citizenId: string): bigint => {
    let key = known.get(citizenId);
    if (key === undefined) {
      key = createHmac('sha256', secret).update(citizenId, 'utf8').digest().readBigUInt64LE(0);
      known.set(citizenId, key);
    }
    return key;
  };
  return {
    keyOf,
    keyOfStored(storedId) {
      const normalized = normalizeCitizenId(storedId);
      return normalized.ok ? keyOf(normalized.id) : null;
    },
  };
}

/** The pseudonymizer over `pseudonym.secret` in `TRUST_KEYS_DIR`. */
export const pseudonymizerFromEnv = (component: string): Pseudonymizer => createPseudonymizer(loadPseudonymSecret(loadTrustSettings(component).TRUST_KEYS_DIR));

/** A key set as the wire carries it: sorted ascending, each key once. */
export function toKeySet(keys: Iterable<bigint>): BigUint64Array {
  const sorted = BigUint64Array.from(keys).sort();
  let kept = 0;
  for (const key of sorted) if (kept === 0 || key !== sorted[kept - 1]) sorted[kept++] = key;
  return sorted.subarray(0, kept);
}
