import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGridAdapter, type GridAdapter } from '@resident-graph/adapter-grid';
import { prepareStandIn, writeStandInData as writeGridData } from '@resident-graph/adapter-grid/stand-in';
import { createPublicSecurityAdapter } from '@resident-graph/adapter-public-security';
import { startStandIn, writeStandInData as writePublicSecurityData } from '@resident-graph/adapter-public-security/stand-in';
import type { StandInServer } from '@resident-graph/adapter-kit';
import { generatePopulation, writePopulation } from '@resident-graph/generator';
import {
  ageBandOf,
  ageInRange,
  fullYearsAt,
  normalizeCitizenId,
  storedIdentityOf,
  type Department,
  type ResidentFact,
  type TruthResident,
} from '@resident-graph/schemas';
import type { RunningServer } from '@resident-graph/service-kit';
import { startGridSubgraph } from '@resident-graph/subgraph-grid';
import {
  createJurisdictionIndex,
  createPseudonymizer,
  toKeySet,
  type JurisdictionIndex,
  type KeySetQuery,
  type Pseudonymizer,
} from '@resident-graph/subgraph-kit';
import { keySetClient, memoryDataQuality, recordingAuditWriter, type KeySetClient } from '@resident-graph/subgraph-kit/testing';
import { startPublicSecuritySubgraph } from '@resident-graph/subgraph-public-security';
import { loadPseudonymSecret, type Caller } from '@resident-graph/trust';
import { createTestTrust } from '@resident-graph/trust/testing';
import { createTestDatabase, readStreet, readTruth, type TestDatabase } from '../support';

// Public security's and the grid's key sets over the pilot street (16,817 residents), each
// asked through its subgraph's real route, against sets counted by brute force from the
// generator's truth with the same pseudonymizer.
const PAST = '2020-01-01';

let dataDir: string;
let truth: TruthResident[];
let street: ReturnType<typeof readStreet>;
let database: TestDatabase;
let standIn: StandInServer;
let gridAdapter: GridAdapter;
let jurisdiction: JurisdictionIndex;
let subgraphs: RunningServer[];
let clients: Record<'public-security' | 'grid', KeySetClient>;
let keys: Pseudonymizer;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'statistics-key-sets-'));
  const population = generatePopulation({ preset: 'pilot' });
  await Promise.all([writePopulation(population, dataDir), writePublicSecurityData(population, dataDir), writeGridData(population, dataDir)]);
  truth = readTruth(dataDir);
  street = readStreet(dataDir);
  database = await createTestDatabase('rg_statistics');
  await prepareStandIn({ databaseUrl: database.url, schema: 'grid', dataDir });
  standIn = await startStandIn({ dataDir, port: 0 });
  const trust = await createTestTrust();
  keys = createPseudonymizer(loadPseudonymSecret(trust.keysDir));
  gridAdapter = createGridAdapter({ databaseUrl: database.url, schema: 'grid' });
  jurisdiction = createJurisdictionIndex({ databaseUrl: database.url, schema: 'grid' });
  const common = { port: 0, audit: recordingAuditWriter(), gatewayPublicKey: trust.gatewayPublicKey };
  subgraphs = await Promise.all([
    startPublicSecuritySubgraph({ ...common, adapter: createPublicSecurityAdapter({ baseUrl: standIn.url }), jurisdiction, dataQuality: memoryDataQuality() }),
    startGridSubgraph({ ...common, adapter: gridAdapter }),
  ]);
  clients = {
    'public-security': keySetClient(subgraphs[0]!.url, 'public-security', trust.keysDir),
    grid: keySetClient(subgraphs[1]!.url, 'grid', trust.keysDir),
  };
});
afterAll(async () => {
  await Promise.all(subgraphs.map((subgraph) => subgraph.close()));
  await Promise.all([gridAdapter.close(), jurisdiction.close(), standIn.close()]);
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const STREET_ANALYST: Caller = { subject: 'analyst-street', role: 'analyst', department: null, grids: [], community: null };

const askKeySets = (department: keyof typeof clients, query: Partial<KeySetQuery>, analyst = STREET_ANALYST) =>
  clients[department].ask({ asOf: street.asOf, ...query }, analyst);

/** The residents a department holds under an ID that resolves (to theirs), and how many it holds under one that does not. */
function heldBy(department: Department) {
  const held: TruthResident[] = [];
  let unresolved = 0;
  for (const resident of truth) {
    const stored = normalizeCitizenId(storedIdentityOf(resident, department).storedId);
    if (!stored.ok) unresolved++;
    else if (stored.id !== resident.id) throw new Error(`${department} stores ${resident.id} as another valid ID`);
    else held.push(resident);
  }
  return { held, unresolved };
}

const keySetOf = (residents: TruthResident[]) => toKeySet(residents.map((resident) => keys.keyOf(resident.id)));

function partitionOf(residents: TruthResident[], valueOf: (resident: TruthResident) => string | null): Record<string, BigUint64Array> {
  const groups = new Map<string, TruthResident[]>();
  for (const resident of residents) {
    const value = valueOf(resident);
    if (value !== null) groups.set(value, [...(groups.get(value) ?? []), resident]);
  }
  return Object.fromEntries([...groups].map(([value, members]) => [value, keySetOf(members)]));
}

describe('public security', () => {
  const facts: ResidentFact[] = [
    { gender: 'FEMALE' },
    { populationType: 'FLOATING' },
    { age: { atLeast: 60 } },
    { age: { below: 3 } },
    { age: { atLeast: 18, below: 35 } },
  ];
  const holds = (resident: TruthResident, fact: ResidentFact, asOf: string) =>
    fact.gender != null
      ? resident.gender === fact.gender
      : fact.populationType != null
        ? resident.publicSecurity.populationType === fact.populationType
        : ageInRange(fullYearsAt(resident.birthDate, asOf), fact.age!);

  it.each([PAST, 'the data'])('answers each fact and partition at %s as the truth has them', async (when) => {
    const asOf = when === PAST ? PAST : street.asOf;
    const { held, unresolved } = heldBy('public-security');
    const answer = await askKeySets('public-security', { asOf, facts, partitions: ['GENDER', 'POPULATION_TYPE', 'AGE_BAND'] });
    expect(answer.facts).toEqual(facts.map((fact) => keySetOf(held.filter((resident) => holds(resident, fact, asOf)))));
    expect(answer.partitions).toEqual({
      GENDER: partitionOf(held, (resident) => resident.gender),
      POPULATION_TYPE: partitionOf(held, (resident) => resident.publicSecurity.populationType),
      AGE_BAND: partitionOf(held, (resident) => {
        const age = fullYearsAt(resident.birthDate, asOf);
        return age >= 0 ? ageBandOf(age) : null;
      }),
    });
    expect(answer.unresolvedRecords).toBe(unresolved);
  });
});

describe('the grid', () => {
  it('answers each survey category over the whole street', async () => {
    const categories = ['ELDERLY', 'LAID_OFF', 'MINIMUM_LIVING_ALLOWANCE', 'FLOATING'] as const;
    const { held, unresolved } = heldBy('grid');
    const answer = await askKeySets('grid', { facts: categories.map((category) => ({ category })) });
    expect(answer.facts).toEqual(categories.map((category) => keySetOf(held.filter((resident) => resident.grid.categories.includes(category)))));
    expect(answer.placement).toBeUndefined();
    expect(answer.unresolvedRecords).toBe(unresolved);
  });

  const jurisdictions = (): [string, Caller, (resident: TruthResident) => boolean][] => {
    const community = street.communities[1]!.id;
    const grids = [street.grids[0]!.id, street.grids.at(-1)!.id];
    return [
      ['the whole street', STREET_ANALYST, () => true],
      ['one community', { ...STREET_ANALYST, community }, (resident) => resident.grid.communityId === community],
      ['two grids', { ...STREET_ANALYST, grids }, (resident) => grids.includes(resident.grid.gridId)],
    ];
  };

  it.each(['the whole street', 'one community', 'two grids'])('places exactly the residents of %s, with grid, community and dwelling', async (name) => {
    const [, analyst, inJurisdiction] = jurisdictions().find(([jurisdictionName]) => jurisdictionName === name)!;
    const expected = heldBy('grid').held.filter(inJurisdiction);
    const { placement } = await askKeySets('grid', { placement: true }, analyst);
    expect(placement!.keys).toEqual(keySetOf(expected));
    const byKey = new Map(expected.map((resident) => [keys.keyOf(resident.id), resident]));
    const dwellingOfNumber = new Map<number, string>();
    const numberOfDwelling = new Map<string, number>();
    placement!.keys.forEach((key, i) => {
      const resident = byKey.get(key)!;
      const gridIndex = placement!.grid[i]!;
      expect([placement!.gridIds[gridIndex], placement!.communityOfGrid[gridIndex]]).toEqual([resident.grid.gridId, resident.grid.communityId]);
      const number = placement!.household[i]!;
      // The same number exactly for the same dwelling, both ways.
      expect(dwellingOfNumber.get(number) ?? resident.householdId).toBe(resident.householdId);
      expect(numberOfDwelling.get(resident.householdId) ?? number).toBe(number);
      dwellingOfNumber.set(number, resident.householdId);
      numberOfDwelling.set(resident.householdId, number);
    });
  });
});
