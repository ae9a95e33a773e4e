import { toFifteenDigitId } from '@resident-graph/schemas';
import { fullWidthDigits } from '@resident-graph/test-kit';
import { createCivilAffairsAdapter, type CivilAffairsAdapter } from '../src';
import { withTypo } from './fixtures/citizenIds';
import { SAMPLE, samplePopulation } from './fixtures/population';
import { standInDatabase, type StandInDatabase } from './fixtures/standInDatabase';

let database: StandInDatabase;
let adapter: CivilAffairsAdapter;

beforeAll(async () => {
  database = await standInDatabase(samplePopulation());
  adapter = createCivilAffairsAdapter({ databaseUrl: database.databaseUrl, schema: database.schema });
});
afterAll(async () => {
  await adapter.close();
  await database.remove();
});

const sorted = (ids: string[]) => [...ids].sort();

describe('the holders of civil affairs facts, as stored', () => {
  test('低保 recipients: members in force on a 低保 case since asOf or before, not 特困, not suspended or stopped', async () => {
    await expect(adapter.allowanceRecipients('2026-06-30').then(sorted)).resolves.toEqual(
      sorted([toFifteenDigitId(SAMPLE.legacyHead)!, SAMPLE.variantWife, SAMPLE.son]),
    );
    // The wife was taken onto the household's case a month before the others.
    await expect(adapter.allowanceRecipients('2019-04-30')).resolves.toEqual([SAMPLE.variantWife]);
    await expect(adapter.allowanceRecipients('2019-03-31')).resolves.toEqual([]);
  });

  test('disability holders, each under the ID as entered, mistyped or formatted', async () => {
    await expect(adapter.disabilityHolders().then(sorted)).resolves.toEqual(
      sorted([SAMPLE.variantWife, SAMPLE.extremeHardship, withTypo(SAMPLE.typo), ` ${fullWidthDigits(SAMPLE.fullWidth)}`]),
    );
  });

  test('every stored ID of every table, registrations included', async () => {
    const storedIds = new Set(await adapter.storedIds());
    expect(storedIds).toEqual(
      new Set([
        toFifteenDigitId(SAMPLE.legacyHead)!,
        SAMPLE.variantWife,
        SAMPLE.son,
        SAMPLE.extremeHardship,
        withTypo(SAMPLE.typo),
        SAMPLE.veteran,
        SAMPLE.divorcee,
        ` ${fullWidthDigits(SAMPLE.fullWidth)}`,
      ]),
    );
  });

  test('an unreachable database fails them with DEPARTMENT_UNAVAILABLE, through the adapter policy', async () => {
    const down = createCivilAffairsAdapter({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/test', schema: database.schema, timeoutMs: 500 });
    try {
      await expect(down.allowanceRecipients('2026-06-30')).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'civil-affairs' });
      await expect(down.storedIds()).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'civil-affairs' });
    } finally {
      await down.close();
    }
  });
});
