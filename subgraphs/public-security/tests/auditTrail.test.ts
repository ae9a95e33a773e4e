import type { Jurisdiction } from '@resident-graph/subgraph-kit';
import { fixedJurisdiction } from '@resident-graph/subgraph-kit/testing';
import type { Caller } from '@resident-graph/trust';
import { expectedResident } from './fixtures/expectedResident';
import { householdPopulation } from './fixtures/population';
import { startRunningSubgraph, type RunningSubgraph } from './fixtures/runningSubgraph';

const INSIDE: Jurisdiction = { gridId: 'G02', communityId: 'C01' };
const OUTSIDE: Jurisdiction = { gridId: 'G31', communityId: 'C03' };
const worker: Caller = { subject: 'grid-worker-2', role: 'grid-worker', department: null, grids: ['G02'], community: null };
const PURPOSE = { code: 'HOME_VISIT' as const, reference: 'V-2026-07' };
const population = householdPopulation();
const [someone] = population.residents;
const outsider = population.residents.find((resident) => resident.publicSecurity.populationType === 'FLOATING')!;
const household = expectedResident(population, someone!).household!;
/** The grid survey places everyone inside the worker's grid but the floating resident. */
const PLACEMENTS = fixedJurisdiction(
  new Map(population.residents.map((resident) => [resident.id, resident === outsider ? OUTSIDE : INSIDE])),
  new Map([[household.id, INSIDE]]),
);
const membersOf = (householdId: string) => population.residents.filter((resident) => resident.householdId === householdId).map((resident) => resident.id);

const NAME = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { name } } }`;
const MEMBERS = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { members { relationToHead resident { id } } } } }`;
const LOOKUP = 'query ($id: CitizenId!) { resident(id: $id) { id } }';

describe('what the public-security subgraph records in the audit trail', () => {
  let running: RunningSubgraph;
  beforeAll(async () => {
    running = await startRunningSubgraph(population, { jurisdiction: PLACEMENTS });
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(() => {
    running.audit.entries.length = 0;
    running.audit.refusals.length = 0;
  });

  it("names every member a household's members read served, so accessLog(residentId:) finds each", async () => {
    const answer = await running.query(MEMBERS, { representations: [{ __typename: 'Household', id: household.id }] }, { caller: worker, purpose: PURPOSE });
    expect(answer.errors).toBeUndefined();
    const expectedMembers = membersOf(household.id).sort();
    expect(expectedMembers.length).toBeGreaterThan(1);
    expect(running.audit.entries.map(({ residentIds, fields, outcome }) => ({ residentIds, fields, outcome }))).toEqual([
      { residentIds: expectedMembers, fields: ['Household.members'], outcome: 'SERVED' },
    ]);
  });

  it('records a refused read with outcome REFUSED: who tried, for whom, which fields, why not', async () => {
    const answer = await running.query(
      NAME,
      { representations: [{ __typename: 'Resident', id: outsider.id, jurisdiction: INSIDE }] },
      { caller: worker, purpose: PURPOSE },
    );
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['OUT_OF_JURISDICTION']);
    expect(running.audit.entries).toEqual([]);
    expect(running.audit.refusals).toEqual([
      expect.objectContaining({
        subject: worker.subject,
        purposeCode: 'HOME_VISIT',
        purposeReference: 'V-2026-07',
        residentIds: [outsider.id],
        fields: ['Resident.name'],
        outcome: 'REFUSED',
      }),
    ]);
  });

  it('records a read refused for want of a purpose, with no purpose', async () => {
    await running.query(NAME, { representations: [{ __typename: 'Resident', id: someone!.id }] }, { caller: worker, purpose: null });
    expect(running.audit.refusals).toEqual([
      expect.objectContaining({ purposeCode: null, residentIds: [someone!.id], fields: ['Resident.name'], outcome: 'REFUSED' }),
    ]);
  });

  it('answers no existence question without a purpose (PURPOSE_REQUIRED), and records the attempt', async () => {
    const nobody = '110105194912310020'.slice(0, 17) + 'X';
    for (const id of [someone!.id, nobody]) {
      const answer = await running.query<{ resident: unknown }>(LOOKUP, { id }, { caller: worker, purpose: null });
      expect({ id, data: answer.data?.resident ?? null, codes: answer.errors?.map((error) => error.extensions?.code) }).toEqual({
        id,
        data: null,
        codes: ['PURPOSE_REQUIRED'],
      });
    }
    expect(running.audit.refusals.map(({ residentIds, fields }) => ({ residentIds, fields }))).toEqual([
      { residentIds: [someone!.id], fields: ['Query.resident'] },
      { residentIds: [nobody], fields: ['Query.resident'] },
    ]);
  });

  it('records a lookup by citizen ID with a purpose as a read of that ID, whether the person exists or not', async () => {
    const answer = await running.query<{ resident: { id: string } | null }>(LOOKUP, { id: someone!.id }, { caller: worker, purpose: PURPOSE });
    expect(answer.data?.resident?.id).toBe(someone!.id);
    expect(running.audit.entries.map(({ residentIds, fields, outcome }) => ({ residentIds, fields, outcome }))).toEqual([
      { residentIds: [someone!.id], fields: ['Query.resident'], outcome: 'SERVED' },
    ]);
  });

  it("answers a lookup of someone living outside the caller's grids exactly as one of an ID nobody holds, and records both as refused", async () => {
    const nobody = '110105194912310020'.slice(0, 17) + 'X';
    const answers = await Promise.all(
      [outsider.id, nobody].map((id) => running.query<{ resident: unknown }>(LOOKUP, { id }, { caller: worker, purpose: PURPOSE })),
    );
    const shapes = answers.map(({ data, errors }) => ({ data: data?.resident ?? null, codes: errors?.map((error) => error.extensions?.code) }));
    expect(shapes).toEqual([
      { data: null, codes: ['OUT_OF_JURISDICTION'] },
      { data: null, codes: ['OUT_OF_JURISDICTION'] },
    ]);
    expect(running.audit.refusals.map(({ residentIds, outcome }) => ({ residentIds, outcome }))).toEqual(
      expect.arrayContaining([
        { residentIds: [outsider.id], outcome: 'REFUSED' },
        { residentIds: [nobody], outcome: 'REFUSED' },
      ]),
    );
    const streetWide = await running.query<{ resident: { id: string } | null }>(LOOKUP, { id: outsider.id }, { purpose: PURPOSE });
    expect(streetWide.data?.resident?.id).toBe(outsider.id);
  });
});
