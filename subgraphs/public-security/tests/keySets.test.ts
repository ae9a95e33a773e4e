import { ageBandOf, fullYearsAt, normalizeCitizenId, storedIdentityOf } from '@resident-graph/schemas';
import { createPseudonymizer, toKeySet } from '@resident-graph/subgraph-kit';
import { keySetClient, type KeySetClient } from '@resident-graph/subgraph-kit/testing';
import { loadPseudonymSecret, type Caller } from '@resident-graph/trust';
import { householdPopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

// Public security's key sets through its route, over the stand-in's statistics export.
const population = householdPopulation();
const analyst: Caller = { subject: 'analyst-street', role: 'analyst', department: null, grids: [], community: null };

let running: RunningSubgraph;
let client: KeySetClient;
beforeAll(async () => {
  running = await startRunningSubgraph(population);
  client = keySetClient(running.subgraph.url, 'public-security', running.trust.keysDir);
});
afterAll(() => running.close());

test('answers its facts and age bands by the keys of the stored IDs that resolve, and counts those that do not', async () => {
  const keys = createPseudonymizer(loadPseudonymSecret(running.trust.keysDir));
  const resolving = population.residents.filter((resident) => normalizeCitizenId(storedIdentityOf(resident, 'public-security').storedId).ok);
  const answer = await client.ask({ asOf: population.asOf, facts: [{ gender: 'MALE' }, { age: { atLeast: 60 } }], partitions: ['AGE_BAND'] }, analyst);
  const keySetOf = (residents: typeof resolving) => toKeySet(residents.map((resident) => keys.keyOf(resident.id)));
  expect(answer.facts).toEqual([
    keySetOf(resolving.filter((resident) => resident.gender === 'MALE')),
    keySetOf(resolving.filter((resident) => fullYearsAt(resident.birthDate, population.asOf) >= 60)),
  ]);
  const bands = new Set(resolving.map((resident) => ageBandOf(fullYearsAt(resident.birthDate, population.asOf))));
  expect(Object.keys(answer.partitions.AGE_BAND!).sort()).toEqual([...bands].sort());
  expect(answer.unresolvedRecords).toBe(population.residents.length - resolving.length);
  expect(answer.unresolvedRecords).toBeGreaterThan(0);
});

test.each([
  ['unavailable', 'DEPARTMENT_UNAVAILABLE'],
  ['malformed', 'DEPARTMENT_BAD_RESPONSE'],
] as const)('answers 503 when its system is %s, with the code saying so (%s)', async (fault, code) => {
  await running.setFault(fault);
  try {
    const body = JSON.stringify({ asOf: population.asOf, facts: [{ gender: 'MALE' }], partitions: [], placement: false });
    const response = await client.post(body, await client.sign(body, analyst));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code } }] });
  } finally {
    await running.setFault('none');
  }
});
