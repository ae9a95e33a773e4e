import type { PublicSecurityAdapter } from '@resident-graph/adapter-public-security';
import { ageBandOf, ageInRange, GENDERS, POPULATION_TYPES, type PersonalDimension, type ResidentFact } from '@resident-graph/schemas';
import { snapshot, type KeySetAnswer, type Pseudonymizer, type StatisticsSource } from '@resident-graph/subgraph-kit';

/**
 * The register's statistics export, compacted: per resident whose stored ID resolves, in
 * key order, the key and four small numbers — 14 bytes a resident instead of the export's
 * ~70 bytes of JSON, so a question is a pass over typed arrays, not a read of the register.
 */
interface RegisterIndex {
  keys: BigUint64Array;
  gender: Uint8Array;
  populationType: Uint8Array;
  birthYear: Uint16Array;
  /** Month and day as MMDD, so full years at a date are two integer comparisons. */
  birthMonthDay: Uint16Array;
  unresolvedRecords: number;
}

const monthDayOf = (date: string) => Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

async function readRegister(adapter: PublicSecurityAdapter, keys: Pseudonymizer): Promise<RegisterIndex> {
  const rows: { key: bigint; gender: number; populationType: number; birthDate: string }[] = [];
  let unresolvedRecords = 0;
  for await (const page of adapter.statisticsRows()) {
    for (const row of page) {
      const key = keys.keyOfStored(row.storedId);
      if (key === null) unresolvedRecords++;
      else rows.push({ key, gender: GENDERS.indexOf(row.gender), populationType: POPULATION_TYPES.indexOf(row.populationType), birthDate: row.birthDate });
    }
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    keys: BigUint64Array.from(rows, (row) => row.key),
    gender: Uint8Array.from(rows, (row) => row.gender),
    populationType: Uint8Array.from(rows, (row) => row.populationType),
    birthYear: Uint16Array.from(rows, (row) => Number(row.birthDate.slice(0, 4))),
    birthMonthDay: Uint16Array.from(rows, (row) => monthDayOf(row.birthDate)),
    unresolvedRecords,
  };
}

/** Full years of everyone in the index at `asOf` (-1 when born after it), as `fullYearsAt` counts them. */
function agesAt(index: RegisterIndex, asOf: string): Int16Array {
  const year = Number(asOf.slice(0, 4));
  const monthDay = monthDayOf(asOf);
  const ages = new Int16Array(index.keys.length);
  for (let i = 0; i < ages.length; i++) {
    const age = year - index.birthYear[i]! - (monthDay < index.birthMonthDay[i]! ? 1 : 0);
    ages[i] = age < 0 ? -1 : age;
  }
  return ages;
}

/** Public security owns gender, population type and age; the route has refused any other fact before this runs. */
function factTest(fact: ResidentFact, index: RegisterIndex, ages: Int16Array): (i: number) => boolean {
  const { gender, populationType, age } = fact;
  if (gender != null) return (i) => index.gender[i] === GENDERS.indexOf(gender);
  if (populationType != null) return (i) => index.populationType[i] === POPULATION_TYPES.indexOf(populationType);
  if (age != null) return (i) => ageInRange(ages[i]!, age);
  throw new Error(`public-security does not hold the fact ${Object.keys(fact).join(', ')}`);
}

/** A person's value of each dimension; none for an age band when born after `asOf`. */
const PARTITION_VALUE: Record<PersonalDimension, (index: RegisterIndex, ages: Int16Array, i: number) => string | null> = {
  GENDER: (index, _ages, i) => GENDERS[index.gender[i]!]!,
  POPULATION_TYPE: (index, _ages, i) => POPULATION_TYPES[index.populationType[i]!]!,
  AGE_BAND: (_index, ages, i) => (ages[i]! >= 0 ? ageBandOf(ages[i]!) : null),
};

/** The keys at the positions `holds` picks, in the index's (ascending) key order. */
function keysWhere(index: RegisterIndex, holds: (i: number) => boolean): BigUint64Array {
  const picked: number[] = [];
  for (let i = 0; i < index.keys.length; i++) if (holds(i)) picked.push(i);
  return BigUint64Array.from(picked, (i) => index.keys[i]!);
}

/**
 * Public security's key sets, from the register's statistics export (a page at a time),
 * read once per `maxAgeMs` into a compact index; each person's stored ID turned into its
 * key, a stored ID that names no valid citizen ID counted as unresolved and in no set.
 */
export function publicSecurityKeySets(adapter: PublicSecurityAdapter, pseudonymizer: () => Pseudonymizer, maxAgeMs: number): StatisticsSource {
  const register = snapshot(maxAgeMs, () => readRegister(adapter, pseudonymizer()));
  return {
    async keySets(query) {
      const index = await register();
      const ages = agesAt(index, query.asOf);
      const facts = query.facts.map((fact) => keysWhere(index, factTest(fact, index, ages)));
      const partitions: KeySetAnswer['partitions'] = {};
      for (const dimension of query.partitions) {
        const positions = new Map<string, number[]>();
        for (let i = 0; i < index.keys.length; i++) {
          const value = PARTITION_VALUE[dimension](index, ages, i);
          if (value === null) continue;
          const list = positions.get(value);
          if (list) list.push(i);
          else positions.set(value, [i]);
        }
        partitions[dimension] = Object.fromEntries([...positions].map(([value, list]) => [value, BigUint64Array.from(list, (i) => index.keys[i]!)]));
      }
      return { facts, partitions, unresolvedRecords: index.unresolvedRecords };
    },
  };
}
