import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { writeStandInData } from '@resident-graph/adapter-labour/stand-in';
import { labourAdapters } from './fixtures/labourAdapters';
import { labourPopulation, residentsOf } from './fixtures/population';
import { tempDir } from './fixtures/tempDir';

const BASE_URL = 'http://labour.test';
const QUERY_URL = `${BASE_URL}/api/v1/cards/query`;

interface StoredCard {
  cardNo: string;
}

describe('createLabourAdapter against the query API (msw) and a real GBK export', () => {
  const population = labourPopulation();
  const { employed, laidOff, unemployed, typo, noRecord, retired } = residentsOf(population);
  const queries: string[][] = [];
  let cards: StoredCard[] = [];
  let dir: string;
  let remove: () => Promise<void>;
  const adapters = labourAdapters();

  const answerFromStore = http.post(QUERY_URL, async ({ request }) => {
    const { cardNumbers } = (await request.json()) as { cardNumbers: string[] };
    queries.push(cardNumbers);
    return HttpResponse.json({ retCode: 0, retMsg: '成功', result: cards.filter((card) => cardNumbers.includes(card.cardNo)) });
  });
  const server = setupServer(
    answerFromStore,
    http.get(`${BASE_URL}/api/v1/status`, () => HttpResponse.json({ retCode: 0, retMsg: '服务正常' })),
  );

  beforeAll(async () => {
    ({ dir, remove } = await tempDir());
    await writeStandInData(population, dir);
    cards = JSON.parse(await readFile(path.join(dir, 'labour', 'api', 'cards.json'), 'utf8')) as StoredCard[];
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => {
    server.resetHandlers();
    queries.length = 0;
  });
  afterAll(async () => {
    await adapters.release();
    server.close();
    await remove();
  });

  const adapter = (timeoutMs?: number) => adapters.create({ baseUrl: BASE_URL, exportDir: path.join(dir, 'labour', 'export'), timeoutMs });

  it('answers every resident in one API call, matching the truth', async () => {
    const labour = adapter();
    const ids = population.residents.map((resident) => resident.id);
    const answer = await labour.lookup(ids);

    expect(labour.callsMade()).toBe(1);
    expect(queries).toHaveLength(1);
    expect(queries[0]!.sort()).toEqual([employed, laidOff, unemployed, retired].map((resident) => resident.labour!.socialSecurityCardNumber).sort());
    expect([...answer.keys()].sort()).toEqual([...ids].sort());
    for (const resident of [employed, laidOff, unemployed, retired]) expect(answer.get(resident.id)?.record).toEqual(resident.labour);
    expect(answer.get(noRecord.id)).toEqual({ record: null, issues: [] });
  });

  it('reports a 15-digit match and never merges a record whose ID fails its check', async () => {
    const answer = await adapter().lookup([laidOff.id, typo.id, employed.id]);
    const stored15 = laidOff.imperfections[0]!;
    const storedTypo = typo.imperfections[0]!;

    expect(answer.get(laidOff.id)?.issues).toEqual([
      {
        department: 'labour',
        kind: 'LEGACY_15_DIGIT_ID',
        storedId: 'storedId' in stored15 ? stored15.storedId : '',
        recordReference: laidOff.labour!.socialSecurityCardNumber,
        nameOnRecord: laidOff.name,
      },
    ]);
    expect(answer.get(typo.id)).toEqual({
      record: null,
      issues: [
        {
          department: 'labour',
          kind: 'INVALID_CITIZEN_ID',
          storedId: 'storedId' in storedTypo ? storedTypo.storedId : '',
          recordReference: typo.labour!.socialSecurityCardNumber,
          nameOnRecord: typo.name,
        },
      ],
    });
    expect(answer.get(employed.id)?.issues).toEqual([]);
  });

  it('reads a card stored under a mistyped ID as the resident identity resolution linked it to, and no one else', async () => {
    const storedTypo = typo.imperfections[0]!;
    const storedId = 'storedId' in storedTypo ? storedTypo.storedId : '';
    const answer = await adapter().lookup([typo.id, employed.id], new Map([[storedId, typo.id]]));
    expect(answer.get(typo.id)?.record).toEqual(typo.labour);
    expect(answer.get(employed.id)?.record).toEqual(employed.labour);
    expect((await adapter().lookup([employed.id], new Map([[storedId, typo.id]]))).get(employed.id)?.record).toEqual(employed.labour);
  });

  it('makes no API call when none of the residents holds a card', async () => {
    const labour = adapter();
    const answer = await labour.lookup([noRecord.id, typo.id]);
    expect(labour.callsMade()).toBe(0);
    expect(queries).toHaveLength(0);
    expect(answer.get(noRecord.id)?.record).toBeNull();
  });

  it('keeps export facts for a card the API does not know, with the employment status unknown', async () => {
    server.use(http.post(QUERY_URL, () => HttpResponse.json({ retCode: 0, retMsg: '成功', result: [] })));
    const answer = await adapter().lookup([employed.id]);
    expect(answer.get(employed.id)?.record).toEqual({
      socialSecurityCardNumber: employed.labour!.socialSecurityCardNumber,
      employmentStatus: 'UNKNOWN',
      laidOff: false,
      unemploymentRegistration: null,
      insurance: employed.labour!.insurance,
      skillCertificates: [],
    });
  });

  it.each([
    ['a body that is not JSON', () => new HttpResponse('<html>维护中</html>', { headers: { 'content-type': 'text/html' } })],
    ['a card without its fields', () => HttpResponse.json({ retCode: 0, retMsg: '成功', result: [{ cardNo: 'A31000101' }] })],
    [
      'an employment status code it does not document',
      () =>
        HttpResponse.json({
          retCode: 0,
          retMsg: '成功',
          result: [{ cardNo: 'A31000101', jobStatus: '99', laidOffFlag: '0', unemploymentReg: null, skillCerts: [] }],
        }),
    ],
    ['its own refusal', () => HttpResponse.json({ retCode: 40001, retMsg: 'cardNumbers 必须为卡号数组' }, { status: 400 })],
  ])('raises DEPARTMENT_BAD_RESPONSE on %s, without retrying', async (_case, answer) => {
    let calls = 0;
    server.use(
      http.post(QUERY_URL, () => {
        calls++;
        return answer();
      }),
    );
    await expect(adapter().lookup([employed.id])).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: 'labour' });
    expect(calls).toBe(1);
  });

  it.each([
    [
      'a laid-off flag that is neither 0 nor 1',
      () =>
        HttpResponse.json({
          retCode: 0,
          retMsg: '成功',
          result: [{ cardNo: 'A31000101', jobStatus: '11', laidOffFlag: '7', unemploymentReg: null, skillCerts: [] }],
        }),
      'result.0.laidOffFlag',
    ],
    [
      'an answer labelled UTF-8 but in GBK, as a transcoding gateway leaves it',
      () =>
        new HttpResponse(iconv.encode(JSON.stringify({ retCode: 0, retMsg: '成功', result: [] }), 'GBK'), {
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      `answered HTTP 200 with a body that is not UTF-8 (after '{"retCode":0,"retMsg":"')`,
    ],
  ])('raises DEPARTMENT_BAD_RESPONSE on %s, saying where, rather than read it', async (_case, answer, message) => {
    server.use(http.post(QUERY_URL, answer));
    const failure = adapter().lookup([employed.id]);
    await expect(failure).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: 'labour' });
    await expect(failure).rejects.toThrow(message);
  });

  it("names the bureau's reason when it refuses a query", async () => {
    server.use(http.post(QUERY_URL, () => HttpResponse.json({ retCode: 40001, retMsg: '单次查询不得超过 20000 张卡' }, { status: 400 })));
    await expect(adapter().lookup([employed.id])).rejects.toThrow('单次查询不得超过 20000 张卡');
  });

  it('raises DEPARTMENT_UNAVAILABLE when the API keeps failing', async () => {
    server.use(http.post(QUERY_URL, () => HttpResponse.json({ retCode: 50000, retMsg: '系统繁忙' }, { status: 503 })));
    const labour = adapter();
    await expect(labour.lookup([employed.id])).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
    expect(labour.callsMade()).toBe(3);
  });

  it('raises DEPARTMENT_TIMEOUT when the API does not answer in time', async () => {
    server.use(
      http.post(QUERY_URL, async () => {
        await delay(1_000);
        return HttpResponse.json({ retCode: 0, retMsg: '成功', result: [] });
      }),
    );
    await expect(adapter(50).lookup([employed.id])).rejects.toMatchObject({ code: 'DEPARTMENT_TIMEOUT' });
  });

  it('is healthy when the export loads and the API answers, and not when the API is down', async () => {
    await expect(adapter().checkHealth()).resolves.toBeUndefined();
    server.use(http.get(`${BASE_URL}/api/v1/status`, () => new HttpResponse(null, { status: 503 })));
    await expect(adapter().checkHealth()).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
  });
});
