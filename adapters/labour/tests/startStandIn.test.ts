import type { StandInServer } from '@resident-graph/adapter-kit';
import { exportDirOf, startStandIn, writeStandInData } from '@resident-graph/adapter-labour/stand-in';
import { labourAdapters } from './fixtures/labourAdapters';
import { labourPopulation, residentsOf } from './fixtures/population';
import { tempDir } from './fixtures/tempDir';

describe('the labour stand-in', () => {
  const population = labourPopulation();
  const { employed, unemployed } = residentsOf(population);
  let dir: string;
  let remove: () => Promise<void>;
  let standIn: StandInServer;
  const adapters = labourAdapters();

  beforeAll(async () => {
    ({ dir, remove } = await tempDir());
    await writeStandInData(population, dir);
    standIn = await startStandIn({ dataDir: dir, port: 0 });
  });
  afterEach(async () => {
    await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'none' }) });
    await fetch(`${standIn.url}/__control/calls`, { method: 'DELETE' });
  });
  afterAll(async () => {
    await adapters.release();
    await standIn.close();
    await remove();
  });

  const query = (body: unknown) =>
    fetch(`${standIn.url}/api/v1/cards/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers the employment facts of the cards it knows and leaves unknown cards out', async () => {
    const response = await query({ cardNumbers: [unemployed.labour!.socialSecurityCardNumber, 'NO-SUCH-CARD'] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      retCode: 0,
      retMsg: '成功',
      result: [
        {
          cardNo: unemployed.labour!.socialSecurityCardNumber,
          jobStatus: '21',
          laidOffFlag: '0',
          unemploymentReg: { regDate: '20260302', certNo: unemployed.labour!.unemploymentRegistration!.certificateNumber },
          skillCerts: unemployed.labour!.skillCertificates.map((cert) => ({
            certName: cert.name,
            certLevel: cert.level,
            issueDate: cert.issuedOn.replaceAll('-', ''),
          })),
        },
      ],
    });
  });

  it('refuses a request without a list of card numbers in its own error shape', async () => {
    const response = await query({ cards: ['x'] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ retCode: 40001, retMsg: expect.stringContaining('cardNumbers') });
  });

  const byStatus = (body: unknown) =>
    fetch(`${standIn.url}/api/v1/cards/by-status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('filters cards by employment status: the numbers of the cards with one of the codes asked', async () => {
    const response = await byStatus({ jobStatuses: ['11', '21'] });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: string[] };
    expect(result).toEqual(expect.arrayContaining([employed.labour!.socialSecurityCardNumber, unemployed.labour!.socialSecurityCardNumber]));
    const expected = population.residents.filter((r) => r.labour && ['EMPLOYED', 'REGISTERED_UNEMPLOYED'].includes(r.labour.employmentStatus));
    expect(result).toHaveLength(expected.length);
  });

  it('refuses a status filter with a code not in its table, in its own error shape', async () => {
    const response = await byStatus({ jobStatuses: ['99'] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ retCode: 40001, retMsg: expect.stringContaining('jobStatuses') });
  });

  it('serves the adapter the same record the truth holds, one query per lookup', async () => {
    const labour = adapters.create({ baseUrl: standIn.url, exportDir: exportDirOf(dir) });
    const answer = await labour.lookup(population.residents.map((resident) => resident.id));

    for (const resident of population.residents) {
      const typoed = resident.imperfections.some((imperfection) => imperfection.kind === 'ID_TYPO');
      expect(answer.get(resident.id)?.record).toEqual(typoed ? null : resident.labour);
    }
    const calls = (await (await fetch(`${standIn.url}/__control/calls`)).json()) as Record<string, number>;
    expect(calls['cards.query']).toBe(1);
    expect(labour.callsMade()).toBe(1);
  });

  it('lets the adapter report a malformed answer as DEPARTMENT_BAD_RESPONSE', async () => {
    await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'malformed' }) });
    const labour = adapters.create({ baseUrl: standIn.url, exportDir: exportDirOf(dir) });
    await expect(labour.lookup([employed.id])).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
  });

  it.each([
    ['wrong-encoding', 'with a body that is not UTF-8'],
    ['unknown-codes', 'answered in an unknown shape (result.0.'],
  ])('answers its real answer spoiled on %s, which the adapter refuses as DEPARTMENT_BAD_RESPONSE', async (kind, message) => {
    await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind }) });
    const labour = adapters.create({ baseUrl: standIn.url, exportDir: exportDirOf(dir) });
    const failure = labour.lookup([employed.id]);
    await expect(failure).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: 'labour' });
    await expect(failure).rejects.toThrow(message);
  });
});
