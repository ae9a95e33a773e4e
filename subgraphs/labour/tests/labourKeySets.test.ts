import { createPseudonymizer, decodeKeySetAnswer, KEY_SET_PATH, toKeySet, type KeySetQuery } from '@resident-graph/subgraph-kit';
import { fixedJurisdiction } from '@resident-graph/subgraph-kit/testing';
import { KEY_SET_REQUEST_HEADER, loadKey, loadPseudonymSecret, signKeySetRequest, type Caller } from '@resident-graph/trust';
import { startLabourHarness, type LabourHarness } from './fixtures/labourHarness';
import { labourPopulation } from './fixtures/population';

const ANALYST: Caller = { subject: 'analyst-street', role: 'analyst', department: null, grids: [], community: null };

/** As the statistics service asks: the query signed for labour and for this exact body. */
async function askKeySets(harness: LabourHarness, query: KeySetQuery): Promise<Response> {
  const body = JSON.stringify(query);
  const privateKey = await loadKey(harness.trust.keysDir, 'statistics', 'private');
  const signed = await signKeySetRequest({ caller: ANALYST, requestId: 'statistics-test', department: 'labour' }, body, privateKey);
  return fetch(new URL(KEY_SET_PATH, harness.subgraph.url), { method: 'POST', headers: { [KEY_SET_REQUEST_HEADER]: signed }, body });
}

describe('labour key sets over HTTP', () => {
  const population = labourPopulation(30);
  let harness: LabourHarness;

  beforeAll(async () => {
    harness = await startLabourHarness(population, fixedJurisdiction(new Map()));
  });
  afterEach(() => fetch(`${harness.standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'none' }) }));
  afterAll(() => harness.close());

  test('answers each status as the keys of the residents the bureau holds it of, the mistyped ID counted apart', async () => {
    const keys = createPseudonymizer(loadPseudonymSecret(harness.trust.keysDir));
    const typo = (id: string) => population.residents.find((r) => r.id === id)!.imperfections.some((i) => i.department === 'labour' && i.kind === 'ID_TYPO');
    const holders = (status: string) =>
      toKeySet(population.residents.filter((r) => r.labour?.employmentStatus === status && !typo(r.id)).map((r) => keys.keyOf(r.id)));

    const response = await askKeySets(harness, {
      asOf: '2026-06-30',
      facts: [{ employmentStatus: 'LAID_OFF' }, { employmentStatus: 'UNKNOWN' }],
      partitions: [],
      placement: false,
    });

    expect(response.status).toBe(200);
    const answer = decodeKeySetAnswer(new Uint8Array(await response.arrayBuffer()));
    expect(answer.facts).toEqual([holders('LAID_OFF'), holders('UNKNOWN')]);
    expect(answer.facts[0]!.length).toBeGreaterThan(0);
    expect(answer.unresolvedRecords).toBe(population.residents.filter((r) => r.labour && typo(r.id)).length);
    expect(answer.unresolvedRecords).toBeGreaterThan(0);
  });

  test('answers 503 DEPARTMENT_UNAVAILABLE naming labour when the bureau is down', async () => {
    await fetch(`${harness.standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'unavailable' }) });

    const response = await askKeySets(harness, { asOf: '2026-06-30', facts: [{ employmentStatus: 'EMPLOYED' }], partitions: [], placement: false });

    expect(response.status).toBe(503);
    const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errors[0]!.extensions.code).toBe('DEPARTMENT_UNAVAILABLE');
    expect(errors[0]!.message).toMatch(/^labour: /);
  });
});
