import { createDataQualityIndex, prepareDataQualityIndex, type DataQualityIndex } from '@resident-graph/subgraph-kit';
import { dropTestSchema, TEST_DATABASE_URL, testSchemaName } from '@resident-graph/test-kit';
import { databaseNow, waitForDataQuality } from '../src/waitForDataQuality';

const schema = testSchemaName('dq_wait');
let index: DataQualityIndex;
const publish = (department: 'civil-affairs' | 'labour') => index.publish({ department, views: {}, issues: new Map() });
const waitSince = (since: Date, timeoutMs = 1_500) =>
  waitForDataQuality({ databaseUrl: TEST_DATABASE_URL, schema, departments: ['civil-affairs', 'labour'], since, timeoutMs });

beforeAll(async () => {
  await prepareDataQualityIndex({ databaseUrl: TEST_DATABASE_URL, schema });
  index = createDataQualityIndex({ databaseUrl: TEST_DATABASE_URL, schema });
});
afterAll(async () => {
  await index.close();
  await dropTestSchema(schema);
});

test('waits for a publication of every department made since the start, not one the last run left', async () => {
  await publish('civil-affairs');
  await publish('labour');
  const started = await databaseNow(TEST_DATABASE_URL);

  await expect(waitSince(started)).rejects.toThrow('data-quality issues of civil-affairs, labour: not ready within 1500 ms');

  await publish('civil-affairs');
  const waiting = waitSince(started, 10_000);
  await publish('labour');
  await expect(waiting).resolves.toBeUndefined();
});

test('reads the time from the database, as publications are stamped', async () => {
  const before = await databaseNow(TEST_DATABASE_URL);
  await publish('labour');
  const published = (await index.publishers()).get('labour')!;
  expect(published.getTime()).toBeGreaterThanOrEqual(before.getTime());
  expect(published.getTime()).toBeLessThanOrEqual((await databaseNow(TEST_DATABASE_URL)).getTime());
});
