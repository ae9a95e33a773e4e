import iconv from 'iconv-lite';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createPublicSecurityAdapter, type PublicSecurityAdapterOptions } from '../src';
import { pageOf, PATHS, RawHousehold, RawPerson } from '../src/wireFormat';
import { BASE_URL, mockSystem } from './fixtures/mockSystem';
import { citizenId } from './fixtures/population';
import { rawPerson } from './fixtures/rawPerson';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** `count` distinct residents the system knows. */
function persons(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const birth = new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10);
    return rawPerson({
      GMSFHM: citizenId(birth, 11 + 2 * (i % 400)),
      XM: `居民${i}`,
      RYBH: `RY${String(i).padStart(10, '0')}`,
      CSRQ: birth.replaceAll('-', ''),
    });
  });
}

function setUp(count: number, options: Partial<PublicSecurityAdapterOptions> = {}) {
  const { system, handlers } = mockSystem({ persons: persons(count) });
  server.use(...handlers);
  const adapter = createPublicSecurityAdapter({ baseUrl: BASE_URL, retries: 0, ...options });
  const personQueries = () => system.requests.filter((request) => request.path === PATHS.persons);
  return { system, adapter, ids: system.persons.map((person) => person.GMSFHM), personQueries };
}

/** Answers the person query with `answer` from now on; the other endpoints stay normal. */
const personQueryAnswers = (answer: () => Response | Promise<Response>) => server.use(http.post(`${BASE_URL}${PATHS.persons}`, answer));

describe('batching', () => {
  it('asks for any number of residents in one call', async () => {
    const { adapter, ids, personQueries } = setUp(120);
    await adapter.lookup(ids.slice(0, 1));
    const before = adapter.callsMade();
    const found = await adapter.lookup(ids);
    expect(adapter.callsMade() - before).toBe(1);
    expect(personQueries().at(-1)?.body).toEqual({ GMSFHM: ids, PAGE: 1, PAGE_SIZE: 500 });
    expect(ids.every((id) => found.get(id)?.record?.id === id)).toBe(true);
  });

  it('fetches the list of records with invalid IDs once, not per lookup', async () => {
    const { adapter, ids, system } = setUp(3);
    await adapter.lookup(ids.slice(0, 1));
    await adapter.lookup(ids.slice(1));
    expect(system.requests.filter((request) => request.path === PATHS.invalidIds)).toHaveLength(1);
  });

  it('makes no call for an empty batch', async () => {
    const { adapter } = setUp(0);
    await expect(adapter.lookup([])).resolves.toEqual(new Map());
    expect(adapter.callsMade()).toBe(0);
  });
});

describe('paging', () => {
  it('follows pages while the system says there are more, and only then', async () => {
    const { adapter, ids, personQueries } = setUp(1_200);
    const found = await adapter.lookup(ids);
    expect(personQueries().map((request) => request.body.PAGE)).toEqual([1, 2, 3]);
    expect(ids.every((id) => found.get(id)?.record?.name !== undefined)).toBe(true);
  });

  it('never asks for more than the 500 records a page the system allows', async () => {
    const { adapter, ids, personQueries } = setUp(10, { pageSize: 2_000 });
    await adapter.lookup(ids);
    expect(personQueries()[0]?.body.PAGE_SIZE).toBe(500);
  });

  it('reads every page of a kind of record with one schema, made once', () => {
    expect(pageOf(RawPerson)).toBe(pageOf(RawPerson));
    expect(pageOf(RawHousehold)).not.toBe(pageOf(RawPerson));
    expect(
      pageOf(RawHousehold).safeParse({ CODE: '0000', MSG: 'ok', TOTAL: 1, PAGE: 1, PAGE_SIZE: 500, RECORDS: [{ HH: 'H1', HJDZ: '…', CY: [] }] }).success,
    ).toBe(true);
    expect(
      pageOf(RawPerson).safeParse({ CODE: '0000', MSG: 'ok', TOTAL: 1, PAGE: 1, PAGE_SIZE: 500, RECORDS: [{ HH: 'H1', HJDZ: '…', CY: [] }] }).success,
    ).toBe(false);
  });

  it('treats an empty page short of the announced total as a bad response', async () => {
    const { adapter, ids } = setUp(2);
    personQueryAnswers(() => HttpResponse.json({ CODE: '0000', MSG: '成功', TOTAL: 9, PAGE: 1, PAGE_SIZE: 500, RECORDS: [] }));
    await expect(adapter.lookup(ids)).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
  });
});

describe('rate limiting (429)', () => {
  const tooMany = (retryAfter: string) => HttpResponse.json({ CODE: 'E4290', MSG: '请求过于频繁' }, { status: 429, headers: { 'Retry-After': retryAfter } });

  it('waits the advertised delay and asks again', async () => {
    const { adapter, ids, personQueries } = setUp(2, { timeoutMs: 5_000 });
    server.use(http.post(`${BASE_URL}${PATHS.persons}`, () => tooMany('1'), { once: true }));
    const started = Date.now();
    const found = await adapter.lookup(ids);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(found.get(ids[0]!)?.record?.id).toBe(ids[0]);
    expect(personQueries()).toHaveLength(1);
  });

  it('gives up as unavailable when the system keeps refusing', async () => {
    const { adapter, ids } = setUp(1, { rateLimitRetries: 2 });
    let refusals = 0;
    personQueryAnswers(() => {
      refusals++;
      return tooMany('0');
    });
    await expect(adapter.lookup(ids)).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
    expect(refusals).toBe(3);
  });
});

describe('failures', () => {
  it('reports 5xx as unavailable, after retrying', async () => {
    const { adapter, ids } = setUp(1, { retries: 2 });
    let attempts = 0;
    personQueryAnswers(() => {
      attempts++;
      return HttpResponse.json({ CODE: 'E5000', MSG: '系统内部错误' }, { status: 503 });
    });
    const failure = adapter.lookup(ids);
    await expect(failure).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'public-security' });
    await expect(failure).rejects.toThrow(/503.*E5000/);
    expect(attempts).toBe(3);
  });

  it('reports an unreachable system as unavailable', async () => {
    server.use(http.post('http://127.0.0.1:9/*', () => HttpResponse.error()));
    const adapter = createPublicSecurityAdapter({ baseUrl: 'http://127.0.0.1:9', retries: 0 });
    await expect(adapter.checkHealth()).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
  });

  it('reports a slow system as a time-out', async () => {
    const { adapter, ids } = setUp(1, { timeoutMs: 100 });
    personQueryAnswers(async () => {
      await delay(1_000);
      return HttpResponse.json({});
    });
    await expect(adapter.lookup(ids)).rejects.toMatchObject({ code: 'DEPARTMENT_TIMEOUT' });
  });

  it.each([
    ['a body that is not JSON', () => new HttpResponse('<html>网关错误</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
    ['JSON of another shape', () => HttpResponse.json({ CODE: '0000', MSG: '成功', DATA: [] })],
    ['a record missing fields', () => HttpResponse.json({ CODE: '0000', MSG: '成功', TOTAL: 1, PAGE: 1, PAGE_SIZE: 500, RECORDS: [{ GMSFHM: '1' }] })],
    ['an error code with status 200', () => HttpResponse.json({ CODE: 'E9001', MSG: '数据库连接失败' })],
    ['a refusal of the request (400)', () => HttpResponse.json({ CODE: 'E1004', MSG: '每页记录数不能超过500' }, { status: 400 })],
  ])('reports %s as a bad response, without retrying', async (_what, answer) => {
    const { adapter, ids } = setUp(1, { retries: 2 });
    let attempts = 0;
    personQueryAnswers(() => {
      attempts++;
      return answer();
    });
    await expect(adapter.lookup(ids)).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
    expect(attempts).toBe(1);
  });

  it('reports an answer labelled UTF-8 but in GBK (as a transcoding gateway leaves it) as a bad response, rather than names of replacement characters', async () => {
    const { adapter, ids, system } = setUp(1, { retries: 2 });
    let attempts = 0;
    personQueryAnswers(() => {
      attempts++;
      const page = { CODE: '0000', MSG: '成功', TOTAL: 1, PAGE: 1, PAGE_SIZE: 500, RECORDS: system.persons };
      return new HttpResponse(iconv.encode(JSON.stringify(page), 'GBK'), { headers: { 'content-type': 'application/json;charset=UTF-8' } });
    });
    const failure = adapter.lookup(ids);
    await expect(failure).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: 'public-security' });
    await expect(failure).rejects.toThrow(`${PATHS.persons} answered with a body that is not UTF-8, as its Content-Type says (after '{"CODE":"0000","MSG":"')`);
    expect(attempts).toBe(1);
  });
});
