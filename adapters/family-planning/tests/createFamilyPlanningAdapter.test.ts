import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { delay, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { toFifteenDigitId } from '@resident-graph/schemas';
import { createFamilyPlanningAdapter, type FamilyPlanningAdapter, type FamilyPlanningAdapterOptions } from '../src';
import { familyPlanningPopulation, storedIdOf } from './fixtures/familyPlanningPopulation';
import { BASE_URL, gbkResponse, jsxxService, soapEnvelope, soapFaultEnvelope, type ReceivedCall } from './fixtures/jsxxService';

const { people } = familyPlanningPopulation();
const [son, newborn] = people.mother.familyPlanning!.children;
const elderChild = people.elder.familyPlanning!.children[0]!;

const motherXml = `<Person><GRBH>JS0000000001</GRBH><SFZH>${people.mother.id}</SFZH><XM>張麗</XM><YLFNBZ>1</YLFNBZ>
  <Child><SFZH>${son!.id}</SFZH><XM>李浩然</XM><XB>1</XB><CSRQ>20200501</CSRQ></Child>
  <Child><SFZH/><XM>李安琪</XM><XB>2</XB><CSRQ>20260601</CSRQ></Child>
  <SYDJ><DJBH>SY310115-2019-00871</DJBH><DJRQ>20191112</DJRQ><HC>1</HC></SYDJ>
  <SYDJ><DJBH>SY310115-2025-01544</DJBH><DJRQ>20251008</DJRQ><HC>2</HC></SYDJ></Person>`;
const elderXml = `<Person><GRBH>JS0000000003</GRBH><SFZH>${storedIdOf(people.elder)}</SFZH><XM>王秀英</XM><YLFNBZ>0</YLFNBZ>
  <Child><SFZH>${elderChild.id}</SFZH><XM>陈建国</XM><XB>1</XB><CSRQ>19880120</CSRQ></Child>
  <DSZNZ><ZH>DZ(沪)1988-004417</ZH><FZRQ>19880520</FZRQ></DSZNZ><JLFZ><KSRQ>20220808</KSRQ><NJE>960.00</NJE></JLFZ></Person>`;
const formattedXml = `<Person><GRBH>JS0000000005</GRBH><SFZH>${storedIdOf(people.formatted)}</SFZH><XM>孙燕</XM><YLFNBZ>1</YLFNBZ></Person>`;
const personIdsXml = [people.mother, people.father, people.elder, people.mistyped, people.formatted]
  .map((person, i) => `<PersonId><GRBH>JS000000000${i + 1}</GRBH><SFZH>${storedIdOf(person)}</SFZH><XM>${person.name}</XM></PersonId>`)
  .join('');

const queryAnswer = (persons: string) =>
  gbkResponse(soapEnvelope(`<ns2:QueryPersonsResponse xmlns:ns2="http://jsxx.wjw.gov.cn/">${persons}</ns2:QueryPersonsResponse>`));
const listOf = (entries: string) =>
  gbkResponse(soapEnvelope(`<ns2:ListPersonIdsResponse xmlns:ns2="http://jsxx.wjw.gov.cn/">${entries}</ns2:ListPersonIdsResponse>`));
const listAnswer = () => listOf(personIdsXml);

const server = setupServer();
let calls: ReceivedCall[];
let adapter: FamilyPlanningAdapter | undefined;

/** The service answering index reads normally and `QueryPersons` with `reply`. */
function serve(reply: (call: ReceivedCall) => Response | Promise<Response>): void {
  server.use(jsxxService((call) => (call.operation === 'ListPersonIds' ? listAnswer() : reply(call)), calls));
}

function start(options: Partial<FamilyPlanningAdapterOptions> = {}): FamilyPlanningAdapter {
  adapter = createFamilyPlanningAdapter({ baseUrl: BASE_URL, retries: 0, ...options });
  return adapter;
}

const callsOf = (operation: string) => calls.filter((call) => call.operation === operation);
const askedIds = (call: ReceivedCall) => [...call.xml.matchAll(/<SFZH>([^<]*)<\/SFZH>/g)].map((match) => match[1]);

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 2_000) throw new Error('condition not met within 2 s');
    await delay(10);
  }
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  calls = [];
});
afterEach(async () => {
  await adapter?.close();
  adapter = undefined;
  server.resetHandlers();
});
afterAll(() => server.close());

describe('createFamilyPlanningAdapter', () => {
  it('asks for a whole batch in one GBK SOAP call and maps the answer onto canonical records', async () => {
    serve(() => queryAnswer(motherXml + elderXml));
    const fp = start();
    await fp.refreshIndex();

    const answer = await fp.lookup([people.mother.id, people.elder.id, people.unknown.id]);

    const [query, ...more] = callsOf('QueryPersons');
    expect(more).toHaveLength(0);
    expect(fp.callsMade()).toBe(1);
    expect(query!.contentType).toBe('text/xml; charset=GBK');
    expect(query!.soapAction).toBe('"http://jsxx.wjw.gov.cn/QueryPersons"');
    expect(query!.xml.startsWith('<?xml version="1.0" encoding="GBK"?>')).toBe(true);
    // Every ID, and the 15-digit form of those born in the 1900s (a row may be keyed by it whatever the last read saw).
    const asked = [people.mother.id, people.elder.id, people.unknown.id];
    const fifteenDigit = asked.map(toFifteenDigitId).filter((id) => id !== null);
    expect(fifteenDigit).toContain(storedIdOf(people.elder));
    expect(askedIds(query!).sort()).toEqual([...asked, ...fifteenDigit].sort());
    expect(answer.get(people.mother.id)).toEqual({
      record: { ...people.mother.familyPlanning, nameOnRecord: '張麗' },
      issues: [],
    });
    expect(answer.get(people.mother.id)?.record?.children).toEqual([son, { ...newborn, id: null }]);
    expect(answer.get(people.elder.id)).toEqual({
      record: { ...people.elder.familyPlanning, nameOnRecord: '王秀英' },
      issues: [
        {
          department: 'family-planning',
          kind: 'LEGACY_15_DIGIT_ID',
          storedId: storedIdOf(people.elder),
          recordReference: 'JS0000000003',
          nameOnRecord: '王秀英',
        },
      ],
    });
    expect(answer.get(people.unknown.id)).toEqual({ record: null, issues: [] });
  });

  it.each([
    ['姚雪', 'D2 A6 D1 A9, two Cyrillic letters'],
    ['陳穎', 'EA 90 B7 66, a Yi syllable and "f": a traditional form the generator stores'],
    ['顧曉東', 'a three-byte character among ASCII'],
  ])('reads a GBK answer whose bytes happen to be valid UTF-8 with Chinese-range characters as well (%s: %s in UTF-8)', async (name) => {
    expect(isUtf8(iconv.encode(name, 'gbk'))).toBe(true);
    serve(() => queryAnswer(`<Person><GRBH>JS0000000001</GRBH><SFZH>${people.mother.id}</SFZH><XM>${name}</XM><YLFNBZ>1</YLFNBZ></Person>`));
    const fp = start();

    const answer = await fp.lookup([people.mother.id]);

    expect(answer.get(people.mother.id)?.record?.nameOnRecord).toBe(name);
  });

  it('sends a key stored in full-width digits as GBK bytes and matches the record it finds', async () => {
    serve(() => queryAnswer(formattedXml));
    const fp = start();
    await fp.refreshIndex();

    const answer = await fp.lookup([people.formatted.id]);

    const request = callsOf('QueryPersons')[0]!.bytes;
    expect(request.includes(iconv.encode(`<SFZH>${storedIdOf(people.formatted)}</SFZH>`, 'gbk'))).toBe(true);
    expect(request.includes(Buffer.from(storedIdOf(people.formatted), 'utf8'))).toBe(false);
    expect(answer.get(people.formatted.id)?.record).toEqual({ ...people.formatted.familyPlanning, nameOnRecord: '孙燕' });
  });

  it('reads the stored IDs once at start, not per lookup, and reports a mistyped one as an invalid ID', async () => {
    serve(() => queryAnswer(''));
    const fp = start();
    await until(() => callsOf('ListPersonIds').length === 1);
    await delay(20);

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await fp.lookup([people.mistyped.id]));

    expect(callsOf('ListPersonIds')).toHaveLength(1);
    expect(callsOf('QueryPersons')).toHaveLength(3);
    expect(answers.map((answer) => answer.get(people.mistyped.id))).toEqual(
      Array(3).fill({
        record: null,
        issues: [
          {
            department: 'family-planning',
            kind: 'INVALID_CITIZEN_ID',
            storedId: storedIdOf(people.mistyped),
            recordReference: 'JS0000000004',
            nameOnRecord: '赵敏',
          },
        ],
      }),
    );
  });

  it.each([
    [
      'a person without an ID',
      () => listOf('<PersonId><GRBH>JS1</GRBH><SFZH>310115198501010011</SFZH><XM>张伟</XM></PersonId><PersonId><GRBH>JS2</GRBH><XM>李娜</XM></PersonId>'),
      'DEPARTMENT_BAD_RESPONSE',
      'PersonId[1]',
    ],
    [
      'a list cut off mid-answer',
      () =>
        new HttpResponse(
          iconv.encode(
            soapEnvelope(`<ns2:ListPersonIdsResponse xmlns:ns2="http://jsxx.wjw.gov.cn/">${personIdsXml}</ns2:ListPersonIdsResponse>`).slice(0, -60),
            'gbk',
          ),
          {
            headers: { 'content-type': 'text/xml; charset=GBK' },
          },
        ),
      'DEPARTMENT_BAD_RESPONSE',
      'not well-formed',
    ],
    ['a Server fault', () => gbkResponse(soapFaultEnvelope('Server', '忙'), 500), 'DEPARTMENT_UNAVAILABLE', 'SOAP fault Server'],
    ['the answer to another operation', () => queryAnswer(''), 'DEPARTMENT_BAD_RESPONSE', 'instead of <ListPersonIdsResponse>'],
  ])('refuses a list of stored IDs with %s, read as it streams in', async (_, answer, code, message) => {
    server.use(jsxxService((call) => (call.operation === 'ListPersonIds' ? answer() : queryAnswer('')), calls));
    const fp = start({ indexRefreshMs: 60_000, indexRetryMs: 60_000 });
    await expect(fp.refreshIndex()).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
    await expect(fp.storedIds()).rejects.toMatchObject({ code });
  });

  it('reads the stored IDs again periodically, and soon after a failed read', async () => {
    let listReads = 0;
    server.use(
      jsxxService((call) => {
        if (call.operation !== 'ListPersonIds') return queryAnswer('');
        listReads++;
        return listReads === 1 ? new HttpResponse('busy', { status: 503 }) : listAnswer();
      }, calls),
    );
    const fp = start({ indexRetryMs: 20, indexRefreshMs: 50 });

    await until(() => listReads >= 4);

    const answer = await fp.lookup([people.mistyped.id]);
    expect(answer.get(people.mistyped.id)?.issues).toHaveLength(1);
  });

  it('asks the service nothing for no IDs', async () => {
    serve(() => queryAnswer(''));
    const fp = start();

    await expect(fp.lookup([])).resolves.toEqual(new Map());
    expect(fp.callsMade()).toBe(0);
  });

  it.each([
    ['a Server fault', 'DEPARTMENT_UNAVAILABLE', () => gbkResponse(soapFaultEnvelope('Server', '数据库连接失败'), 500)],
    ['a Client fault', 'DEPARTMENT_BAD_RESPONSE', () => gbkResponse(soapFaultEnvelope('Client', '请求格式错误'), 500)],
    ['an error page', 'DEPARTMENT_UNAVAILABLE', () => new HttpResponse('<html><body>502 Bad Gateway', { status: 502 })],
    ['a body that is not XML', 'DEPARTMENT_BAD_RESPONSE', () => gbkResponse('服务正在维护')],
    ['truncated XML', 'DEPARTMENT_BAD_RESPONSE', () => gbkResponse(soapEnvelope(motherXml).slice(0, 200))],
    ['the answer to another operation', 'DEPARTMENT_BAD_RESPONSE', () => listAnswer()],
    ['a date that is not YYYYMMDD', 'DEPARTMENT_BAD_RESPONSE', () => queryAnswer(motherXml.replace('<CSRQ>20200501</CSRQ>', '<CSRQ>2020-5-1</CSRQ>'))],
    ['an unknown sex code', 'DEPARTMENT_BAD_RESPONSE', () => queryAnswer(motherXml.replace('<XB>2</XB>', '<XB>女</XB>'))],
    ['a person without a name', 'DEPARTMENT_BAD_RESPONSE', () => queryAnswer(formattedXml.replace('<XM>孙燕</XM>', ''))],
  ])('turns %s into %s', async (_what, code, reply) => {
    serve(reply);
    const fp = start();

    await expect(fp.lookup([people.mother.id, people.formatted.id])).rejects.toMatchObject({ code, department: 'family-planning' });
  });

  /** `xml` as UTF-8 bytes, still labelled GBK (its Content-Type and its XML declaration), as a transcoding proxy leaves it. */
  const utf8LabelledGbk = (xml: string) => new HttpResponse(Buffer.from(xml, 'utf8'), { headers: { 'content-type': 'text/xml; charset=GBK' } });

  it.each([
    // 王秀英: nine UTF-8 bytes, the last of which GBK cannot pair with "<".
    [
      'bytes GBK has no character for',
      () => utf8LabelledGbk(soapEnvelope(`<QueryPersonsResponse>${elderXml}</QueryPersonsResponse>`)),
      'not GBK: bytes in <XM>',
    ],
    // Full-width digits and 孙燕: UTF-8 bytes that all read as GBK characters, mojibake without a single invalid byte.
    [
      'bytes that decode as GBK but are UTF-8',
      () => utf8LabelledGbk(soapEnvelope(`<QueryPersonsResponse>${formattedXml}</QueryPersonsResponse>`)),
      'declared GBK but the bytes are UTF-8 (from <SFZH>)',
    ],
    [
      'a child-bearing-age flag that is neither 0 nor 1',
      () => queryAnswer(motherXml.replace('<YLFNBZ>1</YLFNBZ>', '<YLFNBZ>7</YLFNBZ>')),
      '"7" is not a 0/1 flag',
    ],
    ['a sex code GB/T 2261.1 has not', () => queryAnswer(motherXml.replace('<XB>2</XB>', '<XB>7</XB>')), '"7" is not a GB/T 2261.1 sex code'],
  ])('refuses an answer with %s as DEPARTMENT_BAD_RESPONSE, saying where, rather than read it', async (_what, reply, message) => {
    serve(reply);
    const fp = start();

    const failure = fp.lookup([people.mother.id, people.formatted.id, people.elder.id]);
    await expect(failure).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: 'family-planning' });
    await expect(failure).rejects.toThrow(message);
  });

  it('retries a Server fault but not a Client fault', async () => {
    serve((call) => gbkResponse(soapFaultEnvelope(askedIds(call).includes(people.father.id) ? 'Server' : 'Client', '错误'), 500));
    const fp = start({ retries: 2 });

    await expect(fp.lookup([people.mother.id])).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
    expect(fp.callsMade()).toBe(1);
    await expect(fp.lookup([people.father.id])).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
    expect(fp.callsMade()).toBe(4);
  });

  it('gives up on an answer slower than its time limit', async () => {
    serve(async () => {
      await delay(500);
      return queryAnswer(motherXml);
    });
    const fp = start({ timeoutMs: 50 });

    await expect(fp.lookup([people.mother.id])).rejects.toMatchObject({ code: 'DEPARTMENT_TIMEOUT' });
  });

  it('decodes an answer in the charset its Content-Type declares', async () => {
    serve(
      () =>
        new HttpResponse(Buffer.from(soapEnvelope(`<QueryPersonsResponse>${motherXml}</QueryPersonsResponse>`).replace('GBK', 'UTF-8'), 'utf8'), {
          headers: { 'content-type': 'text/xml; charset=UTF-8' },
        }),
    );
    const fp = start();

    const answer = await fp.lookup([people.mother.id]);
    expect(answer.get(people.mother.id)?.record?.nameOnRecord).toBe('張麗');
  });
});

describe('applyChange', () => {
  const birth = {
    kind: 'BIRTH' as const,
    residentId: null,
    occurredOn: '2026-11-20',
    birth: { motherId: people.elder.id, childName: '陈小芳', childGender: 'FEMALE' as const },
  };
  const receipt = (number: string) =>
    gbkResponse(soapEnvelope(`<ns2:ReportEventResponse xmlns:ns2="http://jsxx.wjw.gov.cn/"><YWBH>${number}</YWBH><CLJG>1</CLJG></ns2:ReportEventResponse>`));

  /** The service holding the elder (under her 15-digit ID) and answering reports with `report`. */
  const serveReports = (report: () => Response) => serve((call) => (call.operation === 'QueryPersons' ? queryAnswer(elderXml) : report()));

  it('sends one GBK ReportEvent keyed by the delivery, the mother under the ID the service stores her by', async () => {
    serveReports(() => receipt('delivery-1'));
    const fp = start();

    await expect(fp.applyChange(birth, 'delivery-1')).resolves.toEqual({ outcome: 'ACCEPTED' });

    // How the service stores her, asked of it in every form she may stand under.
    const [asked, ...askedAgain] = callsOf('QueryPersons');
    expect(askedAgain).toHaveLength(0);
    expect(askedIds(asked!).sort()).toEqual([people.elder.id, storedIdOf(people.elder)].sort());

    const [report, ...more] = callsOf('ReportEvent');
    expect(more).toHaveLength(0);
    expect(report!.soapAction).toBe('"http://jsxx.wjw.gov.cn/ReportEvent"');
    expect(report!.bytes.includes(iconv.encode('陈小芳', 'gbk'))).toBe(true);
    expect(report!.xml).toContain(
      `<YWBH>delivery-1</YWBH><SJLX>03</SJLX><FSRQ>20261120</FSRQ><SFZH>${storedIdOf(people.elder)}</SFZH><ZNXM>陈小芳</ZNXM><ZNXB>2</ZNXB>`,
    );
  });

  it('answers a Client.Refused fault as REJECTED with its reason, and a plain Client fault as a bad response', async () => {
    serveReports(() => gbkResponse(soapFaultEnvelope('Client.Refused', '无该育龄妇女档案'), 500));
    await expect(start().applyChange(birth, 'delivery-2')).resolves.toEqual({ outcome: 'REJECTED', reason: '无该育龄妇女档案' });
    await adapter?.close();

    serveReports(() => gbkResponse(soapFaultEnvelope('Client', 'ReportEvent: ZNXM missing'), 500));
    await expect(start().applyChange(birth, 'delivery-3')).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
  });

  it('refuses a receipt for another 业务编号 as a bad response', async () => {
    serveReports(() => receipt('delivery-9'));
    await expect(start().applyChange(birth, 'delivery-4')).rejects.toMatchObject({
      code: 'DEPARTMENT_BAD_RESPONSE',
      message: expect.stringContaining('answers 业务编号 "delivery-9"'),
    });
  });
});
