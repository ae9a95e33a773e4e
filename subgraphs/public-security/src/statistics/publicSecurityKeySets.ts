import type { PublicSecurityAdapter, StatisticsRow } from '@resident-graph/adapter-public-security';
import { ageBandOf, ageInRange, fullYearsAt, type PersonalDimension, type ResidentFact } from '@resident-graph/schemas';
import { toKeySet, type KeySetAnswer, type Pseudonymizer, type StatisticsSource } from '@resident-graph/subgraph-kit';

/** Whether a stored person has a fact, given their full years at `asOf` (-1 when born after it). */
type FactTest = (row: StatisticsRow, age: number) => boolean;

/** Public security owns gender, population type and age; the route has refused any other fact before this runs. */
function factTest(fact: ResidentFact): FactTest {
  const { gender, populationType, age } = fact;
  if (gender != null) return (row) => row.gender === gender;
  if (populationType != null) return (row) => row.populationType === populationType;
  if (age != null) return (_row, years) => ageInRange(years, age);
  throw new Error(`public-security does not hold the fact ${Object.keys(fact).join(', ')}`);
}

/** A person's value of each dimension; none for an age band when born after `asOf`. */
const PARTITION_VALUE: Record<PersonalDimension, (row: StatisticsRow, age: number) => string | null> = {
  GENDER: (row) => row.gender,
  POPULATION_TYPE: (row) => row.populationType,
  AGE_BAND: (_row, age) => (age >= 0 ? ageBandOf(age) : null),
};

/**
 * Public security's key sets: one pass over the household-registration system's
 * statistics export (a page at a time), each person's stored ID turned into its key; a
 * stored ID that names no valid citizen ID is counted as unresolved and in no set.
 */
export function publicSecurityKeySets(adapter: PublicSecurityAdapter, pseudonymizer: () => Pseudonymizer): StatisticsSource {
  return {
    async keySets(query) {
      const tests = query.facts.map(factTest);
      const factKeys = tests.map((): bigint[] => []);
      const partitionKeys = new Map(query.partitions.map((dimension) => [dimension, new Map<string, bigint[]>()]));
      let unresolvedRecords = 0;
      for await (const page of adapter.statisticsRows()) {
        for (const row of page) {
          const key = pseudonymizer().keyOfStored(row.storedId);
          if (key === null) {
            unresolvedRecords++;
            continue;
          }
          const age = fullYearsAt(row.birthDate, query.asOf);
          tests.forEach((test, i) => test(row, age) && factKeys[i]!.push(key));
          for (const [dimension, values] of partitionKeys) {
            const value = PARTITION_VALUE[dimension](row, age);
            if (value === null) continue;
            let keys = values.get(value);
            if (!keys) values.set(value, (keys = []));
            keys.push(key);
          }
        }
      }
      const partitions: KeySetAnswer['partitions'] = {};
      for (const [dimension, values] of partitionKeys) {
        partitions[dimension] = Object.fromEntries([...values].map(([value, keys]) => [value, toKeySet(keys)]));
      }
      return { facts: factKeys.map(toKeySet), partitions, unresolvedRecords };
    },
  };
}
