import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { writeStandInData } from '@resident-graph/adapter-civil-affairs/stand-in';
import { createLinkStore, IdentityMatcher, prepareLinkStore, readCivilAffairsRecords, runLinkBatch, type LinkStore } from '@resident-graph/identity';
import type { TruthResident } from '@resident-graph/schemas';
import type { RunningServer } from '@resident-graph/service-kit';
import { fixedJurisdiction, recordingAuditWriter } from '@resident-graph/subgraph-kit/testing';
import { civilAffairsSubgraph } from '@resident-graph/subgraph-civil-affairs';
import { createTestTrust, type TestTrust } from '@resident-graph/trust/testing';
import { askSubgraph } from './fixtures/askSubgraph';
import { CALLERS, INSIDE, OUTSIDE } from './fixtures/callers';
import { civilAffairsPopulation } from './fixtures/population';
import { startStandInBureau, type StandInBureau } from './fixtures/standInBureau';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

const SECTION = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Resident { id civilAffairs { onRecord dataQualityIssues { kind storedId recordReference grade reason } } }
  }
}`;
const CONFIRM = `mutation ($input: RecordLinkInput!) { confirmCivilAffairsLink(input: $input) { storedId residentId grade state decidedBy decidedAt } }`;
const REJECT = `mutation ($input: RecordLinkInput!) { rejectCivilAffairsLink(input: $input) { state decidedBy } }`;

interface Issue {
  kind: string;
  storedId: string;
  recordReference: string;
  grade: string | null;
  reason: string | null;
}
type Entities = { _entities: { id: string; civilAffairs: { onRecord: boolean; dataQualityIssues: Issue[] } | null }[] };

const typoOf = (resident: TruthResident) => resident.imperfections.find((i) => i.department === 'civil-affairs' && i.kind === 'ID_TYPO');
const storedIdOf = (resident: TruthResident) => (typoOf(resident) as { storedId: string }).storedId;

describe('civil-affairs records linked by identity resolution', () => {
  const population = civilAffairsPopulation(120);
  const typoed = population.residents.filter((resident) => typoOf(resident) && resident.civilAffairs?.allowanceCases.length);
  // The register knows the first typoed resident by another given name: the typo then points at them with only the surname agreeing — PROBABLE.
  const [probable, certain, outside] = typoed as [TruthResident, TruthResident, TruthResident];
  const registerName = (resident: TruthResident) => (resident === probable ? `${resident.name[0]}某某` : resident.name);
  const schema = `identity_test_${randomBytes(6).toString('hex')}`;
  const audit = recordingAuditWriter();
  let trust: TestTrust;
  let bureau: StandInBureau;
  let store: LinkStore;
  let subgraph: RunningServer;
  let exportDir: string;

  const ask = async <T>(query: string, variables: Record<string, unknown>, audience: keyof typeof CALLERS) =>
    askSubgraph<T>(subgraph, query, variables, await trust.gatewayHeaders(CALLERS[audience]));
  const sectionOf = async (resident: TruthResident, audience: keyof typeof CALLERS = 'grid-worker') =>
    (await ask<Entities>(SECTION, { representations: [{ __typename: 'Resident', id: resident.id }] }, audience)).data!._entities[0]!.civilAffairs!;
  const linkInput = (resident: TruthResident, residentId = resident.id) => ({ input: { storedId: storedIdOf(resident), residentId } });

  beforeAll(async () => {
    expect(typoed.length).toBeGreaterThanOrEqual(3);
    trust = await createTestTrust();
    bureau = await startStandInBureau(population);
    exportDir = await mkdtemp(path.join(os.tmpdir(), 'civil-affairs-links-'));
    await writeStandInData(population, exportDir);
    await prepareLinkStore({ databaseUrl: DATABASE_URL, schema });
    store = createLinkStore({ databaseUrl: DATABASE_URL, schema });
    const register = population.residents.map((resident) => ({
      id: resident.id,
      name: registerName(resident),
      gender: resident.gender,
      birthDate: resident.birthDate,
      householdId: null,
      address: null,
    }));
    await runLinkBatch({ department: 'civil-affairs', records: await readCivilAffairsRecords(exportDir), matcher: new IdentityMatcher(register), store });
    const placed = new Map(population.residents.map((resident) => [resident.id, resident === outside ? OUTSIDE : INSIDE]));
    subgraph = await civilAffairsSubgraph.start({ port: 0, adapter: bureau.adapter, audit, jurisdiction: fixedJurisdiction(placed), links: store });
  });
  afterAll(async () => {
    await subgraph.close();
    await store.close();
    await bureau.close();
    const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
    await rm(exportDir, { recursive: true, force: true });
  });

  test('a record under a typo ID linked automatically is in the section, said once as LINKED_RECORD with its grade and the stored ID masked', async () => {
    const section = await sectionOf(certain);
    expect(section.onRecord).toBe(true);
    const linked = section.dataQualityIssues.filter((issue) => issue.kind === 'LINKED_RECORD');
    expect(linked).toEqual([
      expect.objectContaining({ grade: 'CERTAIN', storedId: expect.stringMatching(/^\d{6}\*{8}[\dX]{4}$/), reason: expect.any(String) }),
    ]);
    expect(section.dataQualityIssues.filter((issue) => issue.kind === 'INVALID_CITIZEN_ID')).toEqual([]);
  });

  test('a probable candidate is UNRESOLVED_RECORD with its grade for the officers who review it until one confirms it; then the section reads the record', async () => {
    const before = await sectionOf(probable, 'own-officer');
    expect(before.onRecord).toBe(false);
    expect(before.dataQualityIssues).toEqual([expect.objectContaining({ kind: 'UNRESOLVED_RECORD', grade: 'PROBABLE' })]);
    // A grid worker cannot act on it: they are told of a record under an invalid ID, without the matcher's grade and reason.
    expect((await sectionOf(probable)).dataQualityIssues).toEqual([
      expect.objectContaining({ kind: 'INVALID_CITIZEN_ID', grade: null, reason: null, storedId: expect.stringContaining('********') }),
    ]);

    const confirmed = await ask<{ confirmCivilAffairsLink: Record<string, unknown> }>(CONFIRM, linkInput(probable), 'own-officer');
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmCivilAffairsLink).toMatchObject({
      residentId: probable.id,
      grade: 'PROBABLE',
      state: 'LINKED',
      decidedBy: CALLERS['own-officer'].subject,
    });

    const after = await sectionOf(probable);
    expect(after.onRecord).toBe(true);
    expect(after.dataQualityIssues).toEqual([expect.objectContaining({ kind: 'LINKED_RECORD', grade: 'PROBABLE' })]);
    expect(audit.entries).toContainEqual(
      expect.objectContaining({ residentIds: [probable.id], fields: ['Mutation.confirmCivilAffairsLink'], subject: 'ca-1' }),
    );
  });

  test('confirming twice is a LINK_CONFLICT; a resident the matcher never proposed is BAD_USER_INPUT', async () => {
    expect((await ask(CONFIRM, linkInput(probable), 'own-officer')).errors?.[0]?.extensions?.code).toBe('LINK_CONFLICT');
    expect((await ask(CONFIRM, linkInput(probable, certain.id), 'own-officer')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('another department’s officer is FORBIDDEN, a resident outside the officer’s jurisdiction OUT_OF_JURISDICTION, both audited as refused', async () => {
    expect((await ask(REJECT, linkInput(certain), 'other-officer')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ask(REJECT, linkInput(certain), 'grid-worker')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ask(REJECT, linkInput(outside), 'own-officer')).errors?.[0]?.extensions?.code).toBe('OUT_OF_JURISDICTION');
    expect(audit.refusals).toContainEqual(expect.objectContaining({ residentIds: [outside.id], fields: ['Mutation.rejectCivilAffairsLink'] }));
    expect((await store.residentLinksOf('civil-affairs', [certain.id])).linked).toHaveLength(1);
  });

  test('an ID that is no citizen ID is refused with INVALID_CITIZEN_ID before anything is decided', async () => {
    const answer = await ask(CONFIRM, { input: { storedId: storedIdOf(certain), residentId: '12345%00' } }, 'own-officer');
    expect(answer.errors?.[0]?.extensions?.code).toBe('INVALID_CITIZEN_ID');
  });
});
