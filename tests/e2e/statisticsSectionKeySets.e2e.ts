import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StandInServer } from '@resident-graph/adapter-kit';
import { createCivilAffairsAdapter, type CivilAffairsAdapter } from '@resident-graph/adapter-civil-affairs';
import { prepareStandIn, writeStandInData as writeCivilAffairs } from '@resident-graph/adapter-civil-affairs/stand-in';
import { createFamilyPlanningAdapter, type FamilyPlanningAdapter } from '@resident-graph/adapter-family-planning';
import { startStandIn as startFamilyPlanning, writeStandInData as writeFamilyPlanning } from '@resident-graph/adapter-family-planning/stand-in';
import { createLabourAdapter, type LabourAdapter } from '@resident-graph/adapter-labour';
import { exportDirOf, startStandIn as startLabour, writeStandInData as writeLabour } from '@resident-graph/adapter-labour/stand-in';
import { generatePopulation, writePopulation } from '@resident-graph/generator';
import {
  childUnder,
  EMPLOYMENT_STATUSES,
  minimumLivingAllowanceActiveAt,
  type Department,
  type ResidentFact,
  type TruthResident,
} from '@resident-graph/schemas';
import { civilAffairsStatistics } from '@resident-graph/subgraph-civil-affairs';
import { familyPlanningStatistics } from '@resident-graph/subgraph-family-planning';
import { createPseudonymizer, toKeySet, type StatisticsSource } from '@resident-graph/subgraph-kit';
import { labourStatistics } from '@resident-graph/subgraph-labour';
import type { Caller } from '@resident-graph/trust';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { readStreet, readTruth } from '../support/truth';

const ANALYST: Caller = { subject: 'analyst-street', role: 'analyst', department: null, grids: [], community: null };
const PAST = '2019-06-30';
const keys = createPseudonymizer(randomBytes(32));

/** Each department's key sets over the pilot street, asked of the real stand-ins, against brute force over `truth.jsonl`. */
describe('key sets of civil affairs, family planning and labour', () => {
  let dataDir: string;
  let truth: TruthResident[];
  let asOf: string;
  let database: TestDatabase;
  let familyPlanningService: StandInServer;
  let labourBureau: StandInServer;
  let civilAffairs: CivilAffairsAdapter;
  let familyPlanning: FamilyPlanningAdapter;
  let labour: LabourAdapter;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'statistics-key-sets-'));
    const population = generatePopulation({ preset: 'pilot' });
    await writePopulation(population, dataDir);
    await Promise.all([writeCivilAffairs(population, dataDir), writeFamilyPlanning(population, dataDir), writeLabour(population, dataDir)]);
    truth = readTruth(dataDir);
    asOf = readStreet(dataDir).asOf;
    database = await createTestDatabase('rg_statistics');
    await prepareStandIn({ databaseUrl: database.url, dataDir });
    [familyPlanningService, labourBureau] = await Promise.all([startFamilyPlanning({ dataDir, port: 0 }), startLabour({ dataDir, port: 0 })]);
    civilAffairs = createCivilAffairsAdapter({ databaseUrl: database.url });
    familyPlanning = createFamilyPlanningAdapter({ baseUrl: familyPlanningService.url });
    labour = createLabourAdapter({ baseUrl: labourBureau.url, exportDir: exportDirOf(dataDir), database: { databaseUrl: database.url } });
  });
  afterAll(async () => {
    await Promise.all([civilAffairs?.close(), familyPlanning?.close(), labour?.close(), familyPlanningService?.close(), labourBureau?.close()]);
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const mistyped = (resident: TruthResident, department: Department) =>
    resident.imperfections.some((imperfection) => imperfection.department === department && imperfection.kind === 'ID_TYPO');
  /** The keys of the residents `holds` is true of, but for those the department holds under a mistyped ID. */
  const expectedKeys = (department: Department, holds: (resident: TruthResident) => boolean) =>
    toKeySet(truth.filter((resident) => holds(resident) && !mistyped(resident, department)).map((resident) => keys.keyOf(resident.id)));
  const ask = (source: StatisticsSource, facts: ResidentFact[], at: string) => source.keySets({ asOf: at, facts, partitions: [], placement: false }, ANALYST);

  test('civil affairs: 低保 recipients at asOf and in the past, and disability holders', async () => {
    const receives = (at: string) => (resident: TruthResident) =>
      resident.civilAffairs?.allowanceCases.some((allowanceCase) => minimumLivingAllowanceActiveAt(allowanceCase, at)) ?? false;
    const facts: ResidentFact[] = [{ receivesMinimumLivingAllowance: true }, { disabled: true }];
    const source = civilAffairsStatistics(civilAffairs, { pseudonymizer: keys });

    const now = await ask(source, facts, asOf);
    const past = await ask(source, facts, PAST);

    expect(now.facts[0]).toEqual(expectedKeys('civil-affairs', receives(asOf)));
    expect(now.facts[1]).toEqual(expectedKeys('civil-affairs', (resident) => resident.civilAffairs?.disability != null));
    expect(past.facts[0]).toEqual(expectedKeys('civil-affairs', receives(PAST)));
    expect(past.facts[0]!.length).toBeLessThan(now.facts[0]!.length);
    const heldMistyped = truth.filter((resident) => mistyped(resident, 'civil-affairs') && resident.civilAffairs).length;
    expect(now.unresolvedRecords).toBe(heldMistyped);
    expect(now.unresolvedRecords).toBeGreaterThan(0);
  });

  test('family planning: a child under 3 and under 18, at asOf and in the past', async () => {
    const hasChildUnder = (years: number, at: string) => (resident: TruthResident) =>
      resident.familyPlanning?.children.some((child) => childUnder(child.birthDate, at, years)) ?? false;
    const source = familyPlanningStatistics(familyPlanning, { pseudonymizer: keys });

    for (const at of [asOf, PAST]) {
      const answer = await ask(source, [{ hasChildUnder: 3 }, { hasChildUnder: 18 }], at);
      expect(answer.facts).toEqual([expectedKeys('family-planning', hasChildUnder(3, at)), expectedKeys('family-planning', hasChildUnder(18, at))]);
      expect(answer.facts[0]!.length).toBeGreaterThan(0);
      expect(answer.unresolvedRecords).toBe(truth.filter((resident) => mistyped(resident, 'family-planning') && resident.familyPlanning).length);
    }
  });

  test('labour: every employment status as the bureau holds it now', async () => {
    const answer = await ask(
      labourStatistics(labour, { pseudonymizer: keys }),
      EMPLOYMENT_STATUSES.map((employmentStatus) => ({ employmentStatus })),
      asOf,
    );

    expect(answer.facts).toEqual(EMPLOYMENT_STATUSES.map((status) => expectedKeys('labour', (resident) => resident.labour?.employmentStatus === status)));
    expect(answer.unresolvedRecords).toBe(truth.filter((resident) => mistyped(resident, 'labour') && resident.labour).length);
    expect(answer.unresolvedRecords).toBeGreaterThan(0);
  });
});
