import { checkCatalogue, readStreet, readTruth, startTestStack, writeTestOutput, type TestStack } from '../support';

// The same catalogue on the district (262,103 residents): counts still exact to the rules at
// scale, and the time each question takes is written beside the answers.
describe('statistics for analysts, on district', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // The first question reads every department's whole population: seconds at this scale on a busy machine.
    stack = await startTestStack({ STATISTICS_DEPARTMENT_TIMEOUT_MS: '120000' }, { preset: 'district' });
  }, 900_000);
  afterAll(() => stack?.stopAll());

  it('answers the catalogue within perturbationBound of the truth, suppressed exactly where the rules say', async () => {
    const truth = readTruth(stack.dataDir);
    expect(truth.length).toBe(262_103);
    const communities = readStreet(stack.dataDir).communities.map((community) => community.id);
    const { problems, table } = await checkCatalogue(stack, truth, communities);
    writeTestOutput('statistics-catalogue-district.md', table);
    expect(problems).toEqual([]);
  }, 900_000);
});
