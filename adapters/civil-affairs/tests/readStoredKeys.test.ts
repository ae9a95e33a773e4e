import type { StoredKey } from '@resident-graph/adapter-kit';
import { createCivilAffairsClient, type PrismaClient } from '../src/createCivilAffairsClient';
import { readCivilAffairsRows } from '../src/readCivilAffairsRows';
import { readStoredKeys } from '../src/readStoredKeys';
import { recordParties } from '../src/recordParties';
import { samplePopulation } from './fixtures/population';
import { standInDatabase, type StandInDatabase } from './fixtures/standInDatabase';

let database: StandInDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await standInDatabase(samplePopulation());
  prisma = createCivilAffairsClient({ databaseUrl: database.databaseUrl, schema: database.schema });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.remove();
});

test('the scan of stored keys names exactly the parties that reading every row by those keys yields, marriages with both spouses', async () => {
  const keys: StoredKey[] = [];
  await readStoredKeys(prisma, database.schema, (key) => keys.push(key));
  const rows = await readCivilAffairsRows(prisma, database.schema, [...new Set(keys.map((key) => key.storedId))]);
  const parties = [...recordParties(rows)].map(({ storedId, recordReference, nameOnRecord }) => ({ storedId, recordReference, nameOnRecord }));

  expect(keys.length).toBeGreaterThan(0);
  const byKey = (a: { storedId: string; recordReference: string }, b: { storedId: string; recordReference: string }) =>
    a.recordReference.localeCompare(b.recordReference) || a.storedId.localeCompare(b.storedId);
  expect([...keys].sort(byKey)).toEqual([...parties].sort(byKey));
});

test('reads the same keys in pages of any size, each once', async () => {
  const whole: StoredKey[] = [];
  await readStoredKeys(prisma, database.schema, (key) => whole.push(key));
  const paged: StoredKey[] = [];
  await readStoredKeys(prisma, database.schema, (key) => paged.push(key), 3);
  expect(whole.length).toBeGreaterThan(6);
  expect(paged).toEqual(whole);
});
