import { FACT_OWNERS, type Department, type FactName, type ResidentFact } from '@resident-graph/schemas';
import type { SectionLinks } from '../section/SectionContext';
import type { KeySetAnswer, StatisticsSource } from './keySets';
import { pseudonymizerFromEnv, toKeySet, type Pseudonymizer } from './pseudonymousKeys';
import { snapshot, snapshotMaxAgeFromEnv } from './snapshot';

/** What the kit gives a department's statistics besides its adapter. */
export interface StatisticsContext {
  /** @default the pseudonymizer over `pseudonym.secret` in `TRUST_KEYS_DIR`, loaded on the first request */
  pseudonymizer?: Pseudonymizer;
  /** Identity resolution's link table: a stored ID linked to a resident counts as that resident's. @default none */
  links?: SectionLinks;
}

/** A department's side of the statistics, in the IDs it stores; the kit turns them into keys. */
export interface StoredIdStatisticsOptions extends StatisticsContext {
  department: string;
  /** The stored IDs (as the department holds them, repeats allowed) of whom `fact`, one of this department's facts, holds at `asOf`. */
  holdersOf(fact: ResidentFact, asOf: string): Promise<Iterable<string>>;
  /**
   * Every stored ID of the people the department holds: those that resolve to no citizen ID
   * are counted as unresolved. A department that keeps them in a database pages through them.
   */
  storedIds(): Promise<Iterable<string>> | AsyncIterable<string>;
  /** How old the count of unresolved records may be (a read of every stored ID). @default `STATISTICS_SNAPSHOT_MAX_AGE_MS` */
  unresolvedMaxAgeMs?: number;
}

const factNameOf = (fact: ResidentFact): FactName => (Object.keys(fact) as FactName[]).find((name) => fact[name] != null)!;

/**
 * The `StatisticsSource` of a department that holds facts, not places or partitions: each
 * fact evaluated by the department's own system into stored IDs, each ID into its key
 * (an ID that names no citizen ID into no key set, unless a link says whose it is), and the
 * unresolved IDs counted.
 */
export function storedIdStatistics(options: StoredIdStatisticsOptions): StatisticsSource {
  let pseudonymizer = options.pseudonymizer;
  const { links } = options;
  const linkedStoredIds = async (): Promise<ReadonlyMap<string, string>> => (links ? links.store.linkedStoredIds(links.department as Department) : new Map());
  const keyOf = (storedId: string, keys: Pseudonymizer, linked: ReadonlyMap<string, string>): bigint | null => {
    const residentId = linked.get(storedId);
    return residentId === undefined ? keys.keyOfStored(storedId) : keys.keyOf(residentId);
  };
  const keysOf = (storedIds: Iterable<string>, keys: Pseudonymizer, linked: ReadonlyMap<string, string>): BigUint64Array => {
    const resolved: bigint[] = [];
    for (const storedId of storedIds) {
      const key = keyOf(storedId, keys, linked);
      if (key !== null) resolved.push(key);
    }
    return toKeySet(resolved);
  };
  let unresolvedCount: (() => Promise<number>) | undefined;
  const countUnresolved = async (keys: Pseudonymizer) => {
    const [storedIds, linked] = await Promise.all([options.storedIds(), linkedStoredIds()]);
    const unresolved = new Set<string>();
    for await (const storedId of storedIds) if (keyOf(storedId, keys, linked) === null) unresolved.add(storedId);
    return unresolved.size;
  };
  return {
    async keySets(query): Promise<KeySetAnswer> {
      pseudonymizer ??= pseudonymizerFromEnv(`subgraph-${options.department}`);
      const keys = pseudonymizer;
      unresolvedCount ??= snapshot(options.unresolvedMaxAgeMs ?? snapshotMaxAgeFromEnv(`subgraph-${options.department}`), () => countUnresolved(keys));
      if (query.partitions.length > 0 || query.placement) throw new Error(`${options.department} holds no partitions or placement, only facts`);
      for (const fact of query.facts) {
        const owner = FACT_OWNERS[factNameOf(fact)];
        if (owner !== options.department) throw new Error(`${factNameOf(fact)} is a fact of ${owner}, not of ${options.department}`);
      }
      const linked = await linkedStoredIds();
      const [facts, unresolvedRecords] = await Promise.all([
        Promise.all(query.facts.map(async (fact) => keysOf(await options.holdersOf(fact, query.asOf), keys, linked))),
        unresolvedCount(),
      ]);
      return { facts, partitions: {}, unresolvedRecords };
    },
  };
}
